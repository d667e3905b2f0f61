package cn.jiandu.cases;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import java.util.List;

/**
 * Which cases a person may read: the commission's central rooms and leaders all of them; a zone
 * team the cases of its zone; publicity the typical cases; everyone the cases they reported.
 */
final class CaseVisibility {

    private static final List<String> SEE_ALL =
            List.of(Groups.CASE_MANAGEMENT, Groups.LEADERS, Groups.CASE_REVIEW, Groups.OFFICE, Groups.ADMIN);

    private CaseVisibility() {
    }

    static boolean seesAll(CurrentUser user) {
        return SEE_ALL.stream().anyMatch(user::isMemberOf);
    }

    static boolean canRead(CurrentUser user, CaseRecord record) {
        return seesAll(user)
                || user.id().equals(record.reportedBy())
                || (user.isMemberOf(Groups.TEAM_NORTH) && "NORTH".equals(record.zone()))
                || (user.isMemberOf(Groups.TEAM_SOUTH) && "SOUTH".equals(record.zone()))
                || (user.isMemberOf(Groups.PUBLICITY) && Boolean.TRUE.equals(record.typicalCase()));
    }

    /** The same rule as an SQL condition, for lists; null when the user sees everything. */
    static String sqlCondition(CurrentUser user, List<Object> args) {
        if (seesAll(user)) {
            return null;
        }
        StringBuilder condition = new StringBuilder("(reported_by = ?");
        args.add(user.id());
        if (user.isMemberOf(Groups.TEAM_NORTH)) {
            condition.append(" OR zone = 'NORTH'");
        }
        if (user.isMemberOf(Groups.TEAM_SOUTH)) {
            condition.append(" OR zone = 'SOUTH'");
        }
        if (user.isMemberOf(Groups.PUBLICITY)) {
            condition.append(" OR typical_case = TRUE");
        }
        return condition.append(")").toString();
    }

    static boolean seesReporter(CurrentUser user) {
        return Groups.REPORTER_IDENTITY_READERS.stream().anyMatch(user::isMemberOf);
    }
}
