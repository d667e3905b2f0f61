package cn.jiandu.inspections;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import java.util.List;

/**
 * Who may read an inspection. An unannounced inspection (暗访) not yet carried out is confidential:
 * only the zone's team, leaders and whoever planned it see it, not even administrators. Otherwise
 * the same people as for the zone's cases: the commission's central rooms and leaders, the zone's
 * team, and whoever planned or recorded it.
 */
final class InspectionVisibility {

    private static final List<String> SEE_ALL =
            List.of(Groups.CASE_MANAGEMENT, Groups.LEADERS, Groups.CASE_REVIEW, Groups.OFFICE, Groups.ADMIN);

    private InspectionVisibility() {
    }

    static boolean canRead(CurrentUser user, Inspection inspection) {
        boolean ownTeam = user.isMemberOf(Groups.teamOfZone(inspection.zone()));
        boolean involved = user.id().equals(inspection.plannedBy()) || user.id().equals(inspection.recordedBy());
        if (inspection.isConfidential()) {
            return ownTeam || involved || user.isMemberOf(Groups.LEADERS);
        }
        return ownTeam || involved || SEE_ALL.stream().anyMatch(user::isMemberOf);
    }

    /** The same rule as an SQL condition on jd_inspection; null when the user sees every inspection. */
    static String sqlCondition(CurrentUser user, List<Object> args) {
        if (user.isMemberOf(Groups.LEADERS)) {
            return null;
        }
        String ownZones = ownZones(user);
        StringBuilder condition = new StringBuilder("(planned_by = ? OR recorded_by = ?");
        args.add(user.id());
        args.add(user.id());
        if (ownZones != null) {
            condition.append(" OR zone IN (").append(ownZones).append(")");
        }
        if (SEE_ALL.stream().anyMatch(user::isMemberOf)) {
            condition.append(" OR NOT (mode = 'UNANNOUNCED' AND status = 'PLANNED')");
        }
        return condition.append(")").toString();
    }

    private static String ownZones(CurrentUser user) {
        if (user.isMemberOf(Groups.TEAM_NORTH) && user.isMemberOf(Groups.TEAM_SOUTH)) {
            return "'NORTH', 'SOUTH'";
        }
        if (user.isMemberOf(Groups.TEAM_NORTH)) {
            return "'NORTH'";
        }
        return user.isMemberOf(Groups.TEAM_SOUTH) ? "'SOUTH'" : null;
    }
}
