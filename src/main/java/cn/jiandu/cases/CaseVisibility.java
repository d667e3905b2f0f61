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
                || reportedBy(user, record)
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
        // A user who happens to be named like the public page's identity reads none of its reports.
        args.add(PublicCaseReporting.REPORTED_BY.equals(user.id()) ? "" : user.id());
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

    /**
     * One's own reports; never those of the public page, whose identity {@code public-report} is no person's:
     * nobody logs in as it, and an account given that name later reads nothing through it.
     */
    private static boolean reportedBy(CurrentUser user, CaseRecord record) {
        return !PublicCaseReporting.REPORTED_BY.equals(user.id()) && user.id().equals(record.reportedBy());
    }

    static boolean seesReporter(CurrentUser user) {
        return Groups.REPORTER_IDENTITY_READERS.stream().anyMatch(user::isMemberOf);
    }
}
