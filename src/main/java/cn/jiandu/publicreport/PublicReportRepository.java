package cn.jiandu.publicreport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** jd_public_report, its additions and the daily alert (V16__public_reports.sql). */
@Repository
class PublicReportRepository {

    record Addition(long id, String text, OffsetDateTime addedAt) {
    }

    private final JdbcTemplate jdbc;

    PublicReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String caseNumber, String codeHash, String textHash, OffsetDateTime at) {
        jdbc.update("INSERT INTO jd_public_report (case_number, code_hash, text_hash, reported_at) VALUES (?, ?, ?, ?)",
                caseNumber, codeHash, textHash, at);
    }

    Optional<String> caseOfCode(String codeHash) {
        return jdbc.queryForList("SELECT case_number FROM jd_public_report WHERE code_hash = ?", String.class, codeHash)
                .stream().findFirst();
    }

    /** Whether an open case was reported on the page with the same text. */
    boolean openWithText(String textHash) {
        Integer found = jdbc.queryForObject("""
                SELECT COUNT(*) FROM jd_public_report r JOIN jd_case c ON c.case_number = r.case_number
                WHERE r.text_hash = ? AND c.stage <> 'CLOSED'""", Integer.class, textHash);
        return found != null && found > 0;
    }

    void addition(String caseNumber, String text, OffsetDateTime at) {
        jdbc.update("INSERT INTO jd_public_report_addition (case_number, text, added_at) VALUES (?, ?, ?)",
                caseNumber, text, at);
    }

    List<Addition> additions(String caseNumber) {
        return jdbc.query("SELECT id, text, added_at FROM jd_public_report_addition WHERE case_number = ? ORDER BY id",
                (rs, row) -> new Addition(rs.getLong("id"), rs.getString("text"),
                        rs.getObject("added_at", OffsetDateTime.class)), caseNumber);
    }

    long countBetween(OffsetDateTime from, OffsetDateTime to) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM jd_public_report WHERE reported_at >= ? AND reported_at < ?",
                Long.class, from, to);
        return count == null ? 0 : count;
    }

    /** Marks the day as alerted; false when it already was (another report or node got there first). */
    boolean markAlerted(LocalDate day, OffsetDateTime at) {
        try {
            return jdbc.update("INSERT INTO jd_public_report_alert (alert_day, sent_at) VALUES (?, ?)", day, at) == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }
}
