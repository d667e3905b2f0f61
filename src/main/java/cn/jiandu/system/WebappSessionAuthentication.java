package cn.jiandu.system;

import cn.jiandu.identity.WebappSessionUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in: a person logged in to Tasklist is logged in to Jiandu's pages and to the /api calls
 * they make. The webapps' session stays the only session: this reads the login the webapps keep in
 * it (the same {@code AuthenticationUtil.getAuthsFromSession} as {@code engineapi/Caller}) for this
 * one request, so Tasklist's logout, which removes that login from the session, ends it here too.
 * The authorities are the user's group ids, as the HTTP Basic login gives them.
 *
 * <p>Not a Spring bean: as a bean Spring Boot would also register it for every URL.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String engineName;
    /** Null when the webapps keep group ids for the whole session (their cache TTL disabled). */
    private final Long groupsTimeToLive;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebappSessionAuthentication(String engineName, Long groupsTimeToLive) {
        this.engineName = engineName;
        this.groupsTimeToLive = groupsTimeToLive;
    }

    /**
     * A write that a cookie alone would authenticate: it needs the CSRF token, since a browser sends
     * the cookie along with a form another site posts. Programs send Basic and no cookie.
     */
    boolean needsCsrfToken(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && userOf(request) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UserAuthentication user = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? userOf(request) : null;
        if (user != null && contexts.getContext().getAuthentication() == null) {
            List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
                    : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The user logged in to the webapps in this request's session, or null. */
    private UserAuthentication userOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && groupsTimeToLive != null) {
            // As the webapps' own filter does: groups changed in Admin and deleted users count here too.
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            AuthenticationUtil.updateCache(authentications, session, groupsTimeToLive);
            AuthenticationUtil.updateSession(session, authentications);
        }
        return WebappSessionUser.of(session, engineName);
    }
}
