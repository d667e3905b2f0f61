package cn.jiandu.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sign-in that comes back to the page asked for (/login?next=/approvals/…): the webapps' own login
 * (POST /camunda/api/admin/auth/user/default/login/tasklist, the one session Tasklist and Jiandu share),
 * then the page. Tasklist's login page forgets where a mail's link pointed; this one does not, and it
 * reads on a phone. Only a path of this application is followed, never another site.
 */
@Controller
class LoginPage {

    /** A path of this application: one leading slash, no scheme, no second slash or backslash to leave the host. */
    private static final Pattern OWN_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~/?=&%]*");

    @GetMapping("/login")
    ModelAndView login(@RequestParam(name = "next", required = false) String next, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object webappToken = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return new ModelAndView("login")
                .addObject("next", safe(next))
                // The webapps hand their token out once per session; a session that has one already gets it here.
                .addObject("webappToken", webappToken == null ? "" : webappToken.toString());
    }

    static String safe(String next) {
        return next != null && next.length() <= 500 && OWN_PATH.matcher(next).matches() ? next
                : SecurityConfiguration.TASKLIST;
    }
}
