package cn.jiandu.engineapi;

import cn.jiandu.identity.Groups;
import cn.jiandu.identity.WebappSessionUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is calling: the user the engine REST API authenticated, or the user logged in to the webapps. */
record Caller(String id, List<String> groups) {

    boolean isAdministrator() {
        return groups.contains(Groups.ADMIN);
    }

    /** Null when nobody is logged in; the engine then answers 401 itself. */
    static Caller of(HttpServletRequest request, IdentityService identityService, String engineName) {
        if (request.getServletPath() != null && request.getServletPath().startsWith("/engine-rest")) {
            Authentication current = identityService.getCurrentAuthentication();
            return current == null || current.getUserId() == null ? null
                    : new Caller(current.getUserId(), nonNull(current.getGroupIds()));
        }
        UserAuthentication user = WebappSessionUser.of(request.getSession(false), engineName);
        return user == null ? null : new Caller(user.getIdentityId(), nonNull(user.getGroupIds()));
    }

    private static List<String> nonNull(List<String> groups) {
        return groups == null ? List.of() : List.copyOf(groups);
    }
}
