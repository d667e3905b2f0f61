package cn.jiandu.documents;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The evidence list straight from jd_evidence (migration V14 of the evidence feature), or nothing where
 * the table does not exist yet. The table's presence is looked up in the database's catalogue rather than
 * by a failing query, which on PostgreSQL would abort the surrounding transaction.
 */
@Component
class EvidenceTable implements EvidenceList {

    private final JdbcTemplate jdbc;

    EvidenceTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Evidence> list(String caseNumber) {
        if (!tableExists()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT file_name, size_bytes, sha256, description, step_name, uploaded_by, uploaded_at, withdrawn_at
                FROM jd_evidence WHERE case_number = ? ORDER BY id""",
                (rs, row) -> new Evidence(rs.getString("file_name"), rs.getLong("size_bytes"),
                        rs.getString("sha256").trim(), rs.getString("description"), rs.getString("step_name"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class),
                        rs.getObject("withdrawn_at", OffsetDateTime.class)),
                caseNumber);
    }

    private boolean tableExists() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            DatabaseMetaData catalogue = connection.getMetaData();
            for (String name : List.of("jd_evidence", "JD_EVIDENCE")) {
                try (ResultSet tables = catalogue.getTables(null, null, name, new String[] {"TABLE", "BASE TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        }));
    }
}
