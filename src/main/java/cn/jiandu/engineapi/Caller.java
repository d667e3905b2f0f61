package cn.jiandu.engineapi;

import cn.jiandu.identity.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is calling: the user the engine REST API authenticated, or the user logged in to the webapps. */
record Caller(String id, List<String> groups) {

    boolean isAdministrator() {
        return groups.contains(Groups.ADMIN);
    }

    /** Null when nobody is logged in; the engine then answers 401 itself. */
    static Caller of(HttpServletRequest request, EngineCall call, IdentityService identityService) {
        if (request.getServletPath() != null && request.getServletPath().startsWith("/engine-rest")) {
            Authentication current = identityService.getCurrentAuthentication();
            return current == null || current.getUserId() == null ? null
                    : new Caller(current.getUserId(), nonNull(current.getGroupIds()));
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        return authentications.getAuthentications().stream().findFirst()
                .map(UserAuthentication.class::cast)
                .map(user -> new Caller(user.getIdentityId(), nonNull(user.getGroupIds())))
                .orElse(null);
    }

    private static List<String> nonNull(List<String> groups) {
        return groups == null ? List.of() : List.copyOf(groups);
    }
}
