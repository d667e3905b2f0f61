package cn.jiandu.evidence;

import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** jd_evidence (the records) and jd_evidence_content (the bytes), V14__evidence.sql. Rows are never deleted. */
@Repository
class EvidenceRepository {

    record NewEvidence(String caseNumber, String fileName, EvidenceType type, String sha256, String description,
            String stepKey, String stepName, String taskId, String uploadedBy, OffsetDateTime uploadedAt,
            String rectificationNumber) {

        NewEvidence(String caseNumber, String fileName, EvidenceType type, String sha256, String description,
                String stepKey, String stepName, String taskId, String uploadedBy, OffsetDateTime uploadedAt) {
            this(caseNumber, fileName, type, sha256, description, stepKey, stepName, taskId, uploadedBy, uploadedAt,
                    null);
        }
    }

    record Content(EvidenceEntry entry, byte[] bytes) {
    }

    private static final String COLUMNS = "id, case_number, file_name, media_type, size_bytes, sha256, description, "
            + "step_key, step_name, task_id, uploaded_by, uploaded_at, withdrawn_at, withdrawn_by, withdrawn_reason, "
            + "rectification_number";

    private static final RowMapper<EvidenceEntry> ROW = EvidenceRepository::entry;

    private final JdbcTemplate jdbc;

    EvidenceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the record and the bytes; the caller's transaction makes them one. */
    long insert(NewEvidence evidence, byte[] bytes) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO jd_evidence (case_number, file_name, media_type, "
                    + "size_bytes, sha256, description, step_key, step_name, task_id, uploaded_by, uploaded_at, "
                    + "rectification_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, evidence.caseNumber());
            insert.setString(2, evidence.fileName());
            insert.setString(3, evidence.type().mediaType());
            insert.setLong(4, bytes.length);
            insert.setString(5, evidence.sha256());
            insert.setString(6, evidence.description());
            insert.setString(7, evidence.stepKey());
            insert.setString(8, evidence.stepName());
            insert.setString(9, evidence.taskId());
            insert.setString(10, evidence.uploadedBy());
            insert.setObject(11, evidence.uploadedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setString(12, evidence.rectificationNumber());
            return insert;
        }, key);
        long id = key.getKey().longValue();
        // A stream, which both BYTEA (PostgreSQL) and BLOB (H2) take.
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(
                    "INSERT INTO jd_evidence_content (evidence_id, content) VALUES (?, ?)");
            insert.setLong(1, id);
            insert.setBinaryStream(2, new ByteArrayInputStream(bytes), bytes.length);
            return insert;
        });
        return id;
    }

    List<EvidenceEntry> list(String caseNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jd_evidence WHERE case_number = ? ORDER BY id", ROW, caseNumber);
    }

    Optional<EvidenceEntry> find(String caseNumber, long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jd_evidence WHERE case_number = ? AND id = ?", ROW,
                caseNumber, id).stream().findFirst();
    }

    /** The evidence of a rectification, oldest first. */
    List<EvidenceEntry> listOfRectification(String rectificationNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jd_evidence WHERE rectification_number = ? ORDER BY id", ROW,
                rectificationNumber);
    }

    Optional<EvidenceEntry> findOfRectification(String rectificationNumber, long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jd_evidence WHERE rectification_number = ? AND id = ?", ROW,
                rectificationNumber, id).stream().findFirst();
    }

    Optional<byte[]> bytes(long id) {
        return jdbc.query("SELECT content FROM jd_evidence_content WHERE evidence_id = ?",
                (rs, row) -> rs.getBytes(1), id).stream().findFirst();
    }

    /** Marks it withdrawn unless it already is; false when someone withdrew it first. */
    boolean withdraw(long id, String by, OffsetDateTime at, String reason) {
        return jdbc.update("UPDATE jd_evidence SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? "
                + "WHERE id = ? AND withdrawn_at IS NULL", at, by, reason, id) == 1;
    }

    private static EvidenceEntry entry(ResultSet rs, int row) throws SQLException {
        String mediaType = rs.getString("media_type");
        OffsetDateTime withdrawnAt = rs.getObject("withdrawn_at", OffsetDateTime.class);
        return new EvidenceEntry(rs.getLong("id"), rs.getString("case_number"), rs.getString("file_name"), mediaType,
                EvidenceType.labelOf(mediaType), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("description"), rs.getString("step_key"), rs.getString("step_name"),
                rs.getString("task_id"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class), withdrawnAt != null, rs.getString("withdrawn_by"),
                withdrawnAt, rs.getString("withdrawn_reason"), rs.getString("rectification_number"));
    }
}
