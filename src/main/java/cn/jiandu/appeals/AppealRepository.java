package cn.jiandu.appeals;

import cn.jiandu.accountability.Measure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * jd_appeal, and what an appeal reads of a case: its persons by name (jd_case_person with the row id the
 * appeal refers to, which accountability's Person does not carry).
 */
@Repository
class AppealRepository {

    /** A person of a case as an appeal finds them. */
    record CasePerson(long id, int position, String name, Measure measure, LocalDate servedOn) {
    }

    record NewAppeal(String appealNumber, String caseNumber, CasePerson person, LocalDate receivedOn, String reason,
            String recordedBy, OffsetDateTime decisionDueAt, String processInstanceId, OffsetDateTime createdAt) {
    }

    record Decision(AppealOutcome outcome, Measure newMeasure, String reviewReason, String reviewedBy,
            String approvalComment, String approvedBy, OffsetDateTime decidedAt, boolean noticeWithdrawn) {
    }

    private final JdbcTemplate jdbc;

    AppealRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean caseExists(String caseNumber) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM jd_case WHERE case_number = ?", Integer.class,
                caseNumber);
        return count != null && count > 0;
    }

    /** The persons of the case with this name (stored trimmed, as accountability stores them). */
    List<CasePerson> personsNamed(String caseNumber, String name) {
        return jdbc.query("""
                SELECT id, position, name, measure, served_on FROM jd_case_person
                WHERE case_number = ? AND name = ? ORDER BY position""",
                (rs, row) -> new CasePerson(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
                        measure(rs.getString("measure")), rs.getObject("served_on", LocalDate.class)),
                caseNumber, name.strip());
    }

    Optional<String> appealOfPerson(long personId) {
        return jdbc.queryForList("SELECT appeal_number FROM jd_appeal WHERE person_id = ?", String.class, personId)
                .stream().findFirst();
    }

    int countForCase(String caseNumber) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM jd_appeal WHERE case_number = ?", Integer.class,
                caseNumber);
        return count == null ? 0 : count;
    }

    long insert(NewAppeal appeal) {
        jdbc.update("""
                INSERT INTO jd_appeal (appeal_number, case_number, person_id, person_name, appealed_measure, served_on,
                    received_on, appeal_reason, recorded_by, decision_due_at, process_instance_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                appeal.appealNumber(), appeal.caseNumber(), appeal.person().id(), appeal.person().name(),
                appeal.person().measure().name(), appeal.person().servedOn(), appeal.receivedOn(), appeal.reason(),
                appeal.recordedBy(), appeal.decisionDueAt(), appeal.processInstanceId(), appeal.createdAt());
        return jdbc.queryForObject("SELECT id FROM jd_appeal WHERE appeal_number = ?", Long.class,
                appeal.appealNumber());
    }

    void recordDecision(String appealNumber, Decision decision) {
        jdbc.update("""
                UPDATE jd_appeal SET outcome = ?, new_measure = ?, review_reason = ?, reviewed_by = ?,
                    approval_comment = ?, approved_by = ?, decided_at = ?, notice_withdrawn = ?
                WHERE appeal_number = ?""",
                decision.outcome().name(), decision.newMeasure() == null ? null : decision.newMeasure().name(),
                decision.reviewReason(), decision.reviewedBy(), decision.approvalComment(), decision.approvedBy(),
                decision.decidedAt(), decision.noticeWithdrawn(), appealNumber);
    }

    Optional<Appeal> find(String appealNumber) {
        return jdbc.query("""
                SELECT a.*, p.position FROM jd_appeal a JOIN jd_case_person p ON p.id = a.person_id
                WHERE a.appeal_number = ?""", AppealRepository::map, appealNumber).stream().findFirst();
    }

    /** Whether anyone of the case is still held accountable (a measure other than NONE). */
    boolean anyoneHeldAccountable(String caseNumber) {
        Integer count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM jd_case_person WHERE case_number = ? AND measure IS NOT NULL AND measure <> 'NONE'""",
                Integer.class, caseNumber);
        return count != null && count > 0;
    }

    private static Appeal map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        boolean withdrawn = rs.getBoolean("notice_withdrawn");
        Boolean noticeWithdrawn = rs.wasNull() ? null : withdrawn;
        return new Appeal(rs.getLong("id"), rs.getString("appeal_number"), rs.getString("case_number"),
                rs.getLong("person_id"), rs.getInt("position"), rs.getString("person_name"),
                measure(rs.getString("appealed_measure")), rs.getObject("served_on", LocalDate.class),
                rs.getObject("received_on", LocalDate.class), rs.getString("appeal_reason"),
                rs.getObject("decision_due_at", OffsetDateTime.class),
                outcome == null ? null : AppealOutcome.valueOf(outcome), measure(rs.getString("new_measure")),
                rs.getString("review_reason"), rs.getString("reviewed_by"), rs.getString("approved_by"),
                rs.getObject("decided_at", OffsetDateTime.class), noticeWithdrawn,
                rs.getString("process_instance_id"));
    }

    private static Measure measure(String name) {
        return name == null ? null : Measure.valueOf(name);
    }
}
