package cn.jiandu.admin;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/** Redesigning, deploying and migrating processes is for the system administrators (camunda-admin) only. */
final class Administrators {

    private Administrators() {
    }

    static CurrentUser require(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isMemberOf(Groups.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员（camunda-admin 组）可以管理流程的部署与迁移");
        }
        return user;
    }
}
