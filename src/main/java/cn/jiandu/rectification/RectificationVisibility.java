package cn.jiandu.rectification;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import java.util.List;

/**
 * Who may read a rectification: the commission's central rooms and leaders all of them, a zone's
 * team those of its zone. (The unit has no login; publicity names cases, not rectifications.)
 */
final class RectificationVisibility {

    private static final List<String> SEE_ALL =
            List.of(Groups.CASE_MANAGEMENT, Groups.LEADERS, Groups.CASE_REVIEW, Groups.OFFICE, Groups.ADMIN);

    private RectificationVisibility() {
    }

    static boolean canRead(CurrentUser user, String zone) {
        return SEE_ALL.stream().anyMatch(user::isMemberOf)
                || (user.isMemberOf(Groups.TEAM_NORTH) && "NORTH".equals(zone))
                || (user.isMemberOf(Groups.TEAM_SOUTH) && "SOUTH".equals(zone));
    }
}
