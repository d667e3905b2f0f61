package cn.jiandu.inspections;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Jiandu's tables of inspections (jd_inspection) and of what they found (jd_inspection_finding). */
@Repository
class InspectionRepository {

    private final JdbcTemplate jdbc;

    InspectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insertPlan(InspectionCheck.Plan plan, String processInstanceId, String plannedBy, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO jd_inspection (process_instance_id, unit, unit_kind, zone, mode, scope, channel, focus,
                        planned_date, planned_by, planned_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, processInstanceId);
            insert.setString(2, plan.unit());
            insert.setString(3, plan.unitKind().name());
            insert.setString(4, plan.zone().name());
            insert.setString(5, plan.mode().name());
            insert.setString(6, plan.scope().name());
            insert.setString(7, plan.channel().name());
            insert.setString(8, plan.focus());
            insert.setObject(9, plan.plannedDate());
            insert.setString(10, plannedBy);
            insert.setObject(11, now);
            insert.setString(12, InspectionEnums.Status.PLANNED.name());
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    void recordCarriedOut(long id, InspectionCheck.Outcome outcome, String recordedBy, OffsetDateTime now) {
        jdbc.update("""
                UPDATE jd_inspection SET status = ?, inspected_on = ?, summary = ?, problem_count = ?, recorded_by = ?,
                    recorded_at = ?
                WHERE id = ?""",
                InspectionEnums.Status.CARRIED_OUT.name(), outcome.inspectedOn(), outcome.summary(),
                outcome.findings().size(), recordedBy, now, id);
        int position = 1;
        for (InspectionCheck.NewFinding finding : outcome.findings()) {
            jdbc.update("""
                    INSERT INTO jd_inspection_finding (inspection_id, position, problem_type, description, unit,
                        persons_involved, handling, rectify_days, handling_note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, position++, finding.problemType().name(), finding.description(), finding.unit(),
                    finding.personsInvolved(), finding.handling().name(), finding.rectifyDays(),
                    finding.handlingNote());
        }
    }

    void linkCase(long findingId, String caseNumber) {
        jdbc.update("UPDATE jd_inspection_finding SET case_number = ? WHERE id = ?", caseNumber, findingId);
    }

    void linkRectification(long findingId, String rectificationNumber) {
        jdbc.update("UPDATE jd_inspection_finding SET rectification_number = ? WHERE id = ?", rectificationNumber,
                findingId);
    }

    /**
     * Whether the unit had a problem of this type found by another inspection on or after {@code since}, or a
     * rectification of this type started since then: a repeat, which opens a case.
     */
    boolean foundBefore(String unit, String problemType, LocalDate since, long exceptInspection) {
        Integer found = jdbc.queryForObject("""
                SELECT (SELECT COUNT(*) FROM jd_inspection_finding f JOIN jd_inspection i ON i.id = f.inspection_id
                        WHERE f.unit = ? AND f.problem_type = ? AND i.inspected_on >= ? AND i.id <> ?)
                     + (SELECT COUNT(*) FROM jd_rectification r
                        WHERE r.unit = ? AND r.problem_type = ? AND r.created_at >= ?)""", Integer.class,
                unit, problemType, since, exceptInspection, unit, problemType,
                java.sql.Timestamp.valueOf(since.atStartOfDay()));
        return found != null && found > 0;
    }

    /** The inspection a supervisionInspection instance carries out: found by the instance, never by a variable. */
    Optional<Inspection> findByProcessInstance(String processInstanceId) {
        return jdbc.query("SELECT * FROM jd_inspection WHERE process_instance_id = ?", ROW, processInstanceId).stream()
                .findFirst();
    }

    Optional<Inspection> find(long id) {
        return jdbc.query("SELECT * FROM jd_inspection WHERE id = ?", ROW, id).stream().findFirst();
    }

    List<Inspection.Finding> findings(long inspectionId) {
        return jdbc.query("SELECT * FROM jd_inspection_finding WHERE inspection_id = ? ORDER BY position",
                FINDING, inspectionId);
    }

    List<Inspection> list(InspectionFilter filter, String visibility, List<Object> visibilityArgs, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, visibility, visibilityArgs, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("SELECT * FROM jd_inspection" + where + " ORDER BY planned_date DESC, id DESC LIMIT ? OFFSET ?",
                ROW, args.toArray());
    }

    long count(InspectionFilter filter, String visibility, List<Object> visibilityArgs) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM jd_inspection" + where(filter, visibility, visibilityArgs, args),
                Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    private static String where(InspectionFilter filter, String visibility, List<Object> visibilityArgs,
            List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.zone() != null) {
            conditions.add("zone = ?");
            args.add(filter.zone());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            args.add(filter.status());
        }
        if (filter.mode() != null) {
            conditions.add("mode = ?");
            args.add(filter.mode());
        }
        if (visibility != null) {
            conditions.add(visibility);
            args.addAll(visibilityArgs);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static final RowMapper<Inspection> ROW = InspectionRepository::map;

    private static Inspection map(ResultSet rs, int row) throws SQLException {
        int problems = rs.getInt("problem_count");
        Integer problemCount = rs.wasNull() ? null : problems;
        return new Inspection(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("unit"),
                rs.getString("unit_kind"), rs.getString("zone"), rs.getString("mode"), rs.getString("scope"),
                rs.getString("channel"), rs.getString("focus"), rs.getObject("planned_date", LocalDate.class),
                rs.getString("planned_by"), rs.getObject("planned_at", OffsetDateTime.class), rs.getString("status"),
                rs.getObject("inspected_on", LocalDate.class), rs.getString("summary"),
                problemCount, rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }

    private static final RowMapper<Inspection.Finding> FINDING = (rs, row) -> new Inspection.Finding(
            rs.getLong("id"), rs.getLong("inspection_id"), rs.getInt("position"), rs.getString("problem_type"),
            rs.getString("description"), rs.getString("unit"), rs.getString("persons_involved"),
            rs.getString("case_number"), rs.getString("handling"), (Integer) rs.getObject("rectify_days"),
            rs.getString("handling_note"), rs.getString("rectification_number"));
}
