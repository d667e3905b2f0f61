package cn.jiandu.rectification;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** jd_rectification and its items and events (V15). */
@Repository
class RectificationRepository {

    /** What the steps of the process read of the record: the facts, never the process's display copies. */
    record Stored(long id, String number, RectificationOrigin origin, String caseNumber, String zone, String unit,
            String summary, Integer deadlineDays, RectificationState state, LocalDate noticeIssuedOn,
            LocalDate deadline, LocalDate firstDeadline, String requirements, String responsiblePerson,
            String responsiblePost, String checkReason, String escalatedCaseNumber) {
    }

    /** The notice as the team issued it. */
    record Notice(LocalDate issuedOn, String issuedBy, List<String> items, LocalDate deadline, String requirements,
            String responsiblePerson, String responsiblePost, String unitKind) {
    }

    private final JdbcTemplate jdbc;

    RectificationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String number, NewRectification source, String mode, RectificationState state, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO jd_rectification (rectification_number, origin, mode, case_number, inspection_id,
                        finding_id, zone, unit, unit_kind, problem_type, summary, deadline_days, state, created_by,
                        created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            int i = 1;
            statement.setString(i++, number);
            statement.setString(i++, source.origin().name());
            statement.setString(i++, mode);
            statement.setString(i++, source.caseNumber());
            statement.setObject(i++, source.inspectionId());
            statement.setObject(i++, source.findingId());
            statement.setString(i++, source.zone());
            statement.setString(i++, source.unit());
            statement.setString(i++, source.unitKind());
            statement.setString(i++, source.problemType());
            statement.setString(i++, source.summary());
            if (source.deadlineDays() == null) {
                statement.setNull(i++, Types.INTEGER);
            } else {
                statement.setInt(i++, source.deadlineDays());
            }
            statement.setString(i++, state.name());
            statement.setString(i++, source.requestedBy());
            statement.setTimestamp(i, Timestamp.from(now.toInstant()));
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    void linkProcessInstance(long id, String processInstanceId) {
        jdbc.update("UPDATE jd_rectification SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    void recordOnSpot(long id, LocalDate rectifiedOn, String recordedBy, OffsetDateTime now) {
        jdbc.update("""
                UPDATE jd_rectification SET notice_issued_on = ?, notice_issued_by = ?, deadline = ?, first_deadline = ?,
                    reported_on = ?, report_summary = summary, report_recorded_by = ?, check_result = 'ACCEPTED',
                    checked_by = ?, checked_on = ?, completed_at = ? WHERE id = ?""",
                rectifiedOn, recordedBy, rectifiedOn, rectifiedOn, rectifiedOn, recordedBy, recordedBy, rectifiedOn,
                Timestamp.from(now.toInstant()), id);
    }

    void addEvent(long id, String kind, OffsetDateTime at, String actor, LocalDate deadline, String result,
            String note) {
        jdbc.update("""
                INSERT INTO jd_rectification_event (rectification_id, kind, happened_at, actor, deadline, result, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, kind, Timestamp.from(at.toInstant()), actor, deadline, result,
                note);
    }

    /** The latest event of a rectification (kind, deadline set, note), if it has any. */
    record LastEvent(String kind, LocalDate deadline, String note) {
    }

    Optional<LastEvent> lastEvent(long id) {
        return jdbc.query("""
                SELECT kind, deadline, note FROM jd_rectification_event WHERE rectification_id = ?
                ORDER BY id DESC LIMIT 1""", (rs, row) -> new LastEvent(rs.getString("kind"),
                rs.getObject("deadline", LocalDate.class), rs.getString("note")), id).stream().findFirst();
    }

    /** The rectification a process instance works on. */
    Optional<Long> idOfProcessInstance(String processInstanceId) {
        return jdbc.queryForList("SELECT id FROM jd_rectification WHERE process_instance_id = ?", Long.class,
                processInstanceId).stream().findFirst();
    }

    /** By number: the business key of its process, which no client can change. */
    Optional<Stored> find(String number) {
        return jdbc.query("""
                SELECT id, rectification_number, origin, case_number, zone, unit, summary, deadline_days, state,
                    notice_issued_on, deadline, first_deadline, requirements, responsible_person, responsible_post,
                    check_reason, escalated_case_number
                FROM jd_rectification WHERE rectification_number = ?""", (rs, n) -> new Stored(rs.getLong("id"),
                rs.getString("rectification_number"), RectificationOrigin.valueOf(rs.getString("origin")),
                rs.getString("case_number"), rs.getString("zone"), rs.getString("unit"), rs.getString("summary"),
                rs.getObject("deadline_days", Integer.class), RectificationState.valueOf(rs.getString("state")),
                rs.getObject("notice_issued_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                rs.getObject("first_deadline", LocalDate.class), rs.getString("requirements"),
                rs.getString("responsible_person"), rs.getString("responsible_post"), rs.getString("check_reason"),
                rs.getString("escalated_case_number")), number).stream().findFirst();
    }

    /** The notice as issued: its items replace any earlier ones; the unit now rectifies. */
    void recordNotice(long id, Notice notice) {
        jdbc.update("""
                UPDATE jd_rectification SET notice_issued_on = ?, notice_issued_by = ?, requirements = ?,
                    responsible_person = ?, responsible_post = ?, unit_kind = ?, deadline = ?, first_deadline = ?,
                    state = ? WHERE id = ?""", notice.issuedOn(), notice.issuedBy(), notice.requirements(),
                notice.responsiblePerson(), notice.responsiblePost(), notice.unitKind(), notice.deadline(),
                notice.deadline(), RectificationState.RECTIFYING.name(), id);
        jdbc.update("DELETE FROM jd_rectification_item WHERE rectification_id = ?", id);
        for (int i = 0; i < notice.items().size(); i++) {
            jdbc.update("INSERT INTO jd_rectification_item (rectification_id, position, content) VALUES (?, ?, ?)", id,
                    i + 1, notice.items().get(i));
        }
    }

    void recordReport(long id, LocalDate reportedOn, String summary, String recordedBy) {
        jdbc.update("""
                UPDATE jd_rectification SET reported_on = ?, report_summary = ?, report_recorded_by = ?, state = ?
                WHERE id = ?""", reportedOn, summary, recordedBy, RectificationState.CHECKING.name(), id);
    }

    void recordCheck(long id, String result, String reason, String checkedBy, LocalDate checkedOn) {
        jdbc.update("""
                UPDATE jd_rectification SET check_result = ?, check_reason = ?, checked_by = ?, checked_on = ?
                WHERE id = ?""", result, reason, checkedBy, checkedOn, id);
    }

    /** Accepted: the follow-up check (回头看) is due on this day. */
    void awaitFollowUp(long id, LocalDate followUpDue) {
        jdbc.update("UPDATE jd_rectification SET follow_up_due = ?, state = ? WHERE id = ?", followUpDue,
                RectificationState.FOLLOW_UP_PENDING.name(), id);
    }

    /** Sent back to the unit (partly or not rectified) with a new deadline. */
    void returnToUnit(long id, LocalDate deadline) {
        jdbc.update("""
                UPDATE jd_rectification SET returned_count = returned_count + 1, deadline = ?, state = ?
                WHERE id = ?""", deadline, RectificationState.RECTIFYING.name(), id);
    }

    /** A new deadline from leaders (extended, or urged with a grace period). */
    void moveDeadline(long id, LocalDate deadline) {
        jdbc.update("UPDATE jd_rectification SET deadline = ? WHERE id = ?", deadline, id);
    }

    void recordFollowUp(long id, LocalDate on, String mode, String result, String findings, String by) {
        jdbc.update("""
                UPDATE jd_rectification SET follow_up_on = ?, follow_up_mode = ?, follow_up_result = ?,
                    follow_up_findings = ?, follow_up_by = ? WHERE id = ?""", on, mode, result, findings, by, id);
    }

    void complete(long id, OffsetDateTime at) {
        jdbc.update("UPDATE jd_rectification SET state = ?, completed_at = ? WHERE id = ?",
                RectificationState.COMPLETED.name(), Timestamp.from(at.toInstant()), id);
    }

    /** Escalated to a case, once: false when an earlier try already linked one. */
    boolean escalate(long id, String caseNumber, OffsetDateTime at) {
        return jdbc.update("""
                UPDATE jd_rectification SET escalated_case_number = ?, state = ?, completed_at = ?
                WHERE id = ? AND escalated_case_number IS NULL""", caseNumber, RectificationState.ESCALATED.name(),
                Timestamp.from(at.toInstant()), id) == 1;
    }
}
