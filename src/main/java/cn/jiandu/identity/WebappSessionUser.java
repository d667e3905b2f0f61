package cn.jiandu.identity;

import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The user logged in to the Camunda webapps (Tasklist's login) in an HTTP session: the one login
 * Jiandu's pages and the engine API gate both go by.
 */
public final class WebappSessionUser {

    private WebappSessionUser() {
    }

    /** The session's user for the engine, or null when the session is absent or nobody logged in. */
    public static UserAuthentication of(HttpSession session, String engineName) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null ? null
                : (UserAuthentication) authentications.getAuthenticationForProcessEngine(engineName);
    }
}
