package cn.jiandu.rectification;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** jd_rectification and its items and events (V15). */
@Repository
class RectificationRepository {

    private final JdbcTemplate jdbc;

    RectificationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String number, NewRectification source, String mode, RectificationState state, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO jd_rectification (rectification_number, origin, mode, case_number, inspection_id,
                        finding_id, zone, unit, unit_kind, problem_type, summary, state, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
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

    /** The rectification a process instance works on. */
    Optional<Long> idOfProcessInstance(String processInstanceId) {
        return jdbc.queryForList("SELECT id FROM jd_rectification WHERE process_instance_id = ?", Long.class,
                processInstanceId).stream().findFirst();
    }
}
