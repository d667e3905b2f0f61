package cn.jiandu.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Compiled reports (jd_report): the figures as JSON, exactly as reviewed, signed and mailed. */
@Repository
class ReportRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReportRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Report> find(ReportKind kind, String periodKey) {
        return jdbc.query("SELECT * FROM jd_report WHERE kind = ? AND period_key = ?", this::map, kind.name(), periodKey)
                .stream().findFirst();
    }

    Optional<Report> find(long id) {
        return jdbc.query("SELECT * FROM jd_report WHERE id = ?", this::map, id).stream().findFirst();
    }

    /** Stores freshly compiled figures for the period, replacing an earlier compilation that was never issued. */
    long saveCompiled(ReportPeriod period, ReportFigures figures, String processInstanceId) {
        String text = write(figures);
        OffsetDateTime now = figures.asOf();
        int updated = jdbc.update("""
                UPDATE jd_report SET figures = ?, compiled_at = ?, status = ?, process_instance_id = ?,
                    period_start = ?, period_end = ?, office_remarks = NULL, reviewed_by = NULL, reviewed_at = NULL,
                    sign_off_comment = NULL, signed_by = NULL, signed_at = NULL, mailed_at = NULL
                WHERE kind = ? AND period_key = ?""",
                text, now, ReportStatus.COMPILED.name(), processInstanceId, period.from(), period.to(),
                period.kind().name(), period.key());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO jd_report (kind, period_key, period_start, period_end, compiled_at, figures, status,
                        process_instance_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    period.kind().name(), period.key(), period.from(), period.to(), now, text,
                    ReportStatus.COMPILED.name(), processInstanceId);
        }
        return find(period.kind(), period.key()).orElseThrow().id();
    }

    void reviewed(long id, String remarks, String by, OffsetDateTime at) {
        jdbc.update("UPDATE jd_report SET status = ?, office_remarks = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                ReportStatus.REVIEWED.name(), remarks, by, at, id);
    }

    void signedOff(long id, boolean approved, String comment, String by, OffsetDateTime at) {
        ReportStatus status = approved ? ReportStatus.SIGNED : ReportStatus.RETURNED;
        jdbc.update("UPDATE jd_report SET status = ?, sign_off_comment = ?, signed_by = ?, signed_at = ? WHERE id = ?",
                status.name(), comment, approved ? by : null, approved ? at : null, id);
    }

    void mailed(long id, OffsetDateTime at) {
        jdbc.update("UPDATE jd_report SET status = ?, mailed_at = ? WHERE id = ?", ReportStatus.MAILED.name(), at, id);
    }

    private Report map(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), rs.getString("period_key"),
                rs.getObject("period_start", OffsetDateTime.class), rs.getObject("period_end", OffsetDateTime.class),
                rs.getObject("compiled_at", OffsetDateTime.class), read(rs.getString("figures")),
                ReportStatus.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
                rs.getString("office_remarks"), rs.getString("reviewed_by"),
                rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("sign_off_comment"),
                rs.getString("signed_by"), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getObject("mailed_at", OffsetDateTime.class));
    }

    private String write(ReportFigures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report figures", e);
        }
    }

    private ReportFigures read(String text) {
        try {
            return json.readValue(text, ReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report figures are not readable", e);
        }
    }
}
