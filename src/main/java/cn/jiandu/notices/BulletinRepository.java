package cn.jiandu.notices;

import cn.jiandu.notices.Bulletin.BulletinStatus;
import cn.jiandu.notices.Bulletin.CaseFacts;
import cn.jiandu.notices.Bulletin.NamedCase;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Bulletins and the cases they name (jd_bulletin, jd_bulletin_case), and the facts of those cases (jd_case). */
@Repository
class BulletinRepository {

    /** A draft bulletin that already names a case. */
    record OpenBulletin(long id, String title, String processInstanceId) {
    }

    private static final RowMapper<Bulletin> BULLETIN = (rs, row) -> new Bulletin(rs.getLong("id"),
            rs.getString("process_instance_id"), BulletinStatus.valueOf(rs.getString("status")), rs.getString("title"),
            rs.getString("body"), rs.getString("approved_by"), rs.getObject("published_at", OffsetDateTime.class));
    private static final RowMapper<NamedCase> NAMED_CASE = (rs, row) -> new NamedCase(rs.getInt("position"),
            rs.getString("case_number"), rs.getObject("withdrawn_at", OffsetDateTime.class),
            rs.getString("withdrawn_reason"));
    /** Published and still naming at least one case. */
    static final String SHOWN = "b.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM jd_bulletin_case c"
            + " WHERE c.bulletin_id = b.id AND c.withdrawn_at IS NULL)";

    private final JdbcTemplate jdbc;

    BulletinRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseFacts> caseFacts(String caseNumber) {
        return jdbc.query("""
                SELECT case_number, title, unit, problem_type, findings, description, stage, typical_case, unit_measure
                FROM jd_case WHERE case_number = ?""",
                (rs, row) -> new CaseFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), (Boolean) rs.getObject(8), rs.getString(9)),
                caseNumber).stream().findFirst();
    }

    Optional<OpenBulletin> openBulletinOf(String caseNumber) {
        return jdbc.query("""
                SELECT b.id, b.title, b.process_instance_id FROM jd_bulletin b
                JOIN jd_bulletin_case c ON c.bulletin_id = b.id
                WHERE c.open_case_number = ? AND b.status = 'DRAFT'""",
                (rs, row) -> new OpenBulletin(rs.getLong(1), rs.getString(2), rs.getString(3)), caseNumber)
                .stream().findFirst();
    }

    /** A draft whose process ended without publishing it; its cases are free for another bulletin. */
    void cancel(long id) {
        jdbc.update("UPDATE jd_bulletin SET status = 'CANCELLED' WHERE id = ? AND status = 'DRAFT'", id);
        jdbc.update("UPDATE jd_bulletin_case SET open_case_number = NULL WHERE bulletin_id = ?", id);
    }

    long insert(String processInstanceId, String title, String body, String registeredBy, OffsetDateTime at,
            List<String> caseNumbers) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO jd_bulletin (process_instance_id, status, title, body, registered_by, registered_at)
                    VALUES (?, 'DRAFT', ?, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, processInstanceId);
            insert.setString(2, title);
            insert.setString(3, body);
            insert.setString(4, registeredBy);
            insert.setObject(5, at);
            return insert;
        }, key);
        long id = key.getKeyAs(Number.class).longValue();
        for (int i = 0; i < caseNumbers.size(); i++) {
            jdbc.update("""
                    INSERT INTO jd_bulletin_case (bulletin_id, position, case_number, open_case_number)
                    VALUES (?, ?, ?, ?)""", id, i + 1, caseNumbers.get(i), caseNumbers.get(i));
        }
        return id;
    }

    Optional<Bulletin> find(long id) {
        return jdbc.query("SELECT * FROM jd_bulletin WHERE id = ?", BULLETIN, id).stream().findFirst();
    }

    /** The bulletin while the public may read it. */
    Optional<Bulletin> findShown(long id) {
        return jdbc.query("SELECT * FROM jd_bulletin b WHERE b.id = ? AND " + SHOWN, BULLETIN, id).stream().findFirst();
    }

    List<NamedCase> cases(long bulletinId) {
        return jdbc.query("SELECT * FROM jd_bulletin_case WHERE bulletin_id = ? ORDER BY position", NAMED_CASE,
                bulletinId);
    }

    /** Publishes the draft as approved; false when it is no draft (published already). */
    boolean publish(long id, String title, String body, String approvedBy, OffsetDateTime at) {
        int published = jdbc.update("""
                UPDATE jd_bulletin SET status = 'PUBLISHED', title = ?, body = ?, approved_by = ?, published_at = ?
                WHERE id = ? AND status = 'DRAFT'""", title, body, approvedBy, at, id);
        jdbc.update("UPDATE jd_bulletin_case SET open_case_number = NULL WHERE bulletin_id = ?", id);
        return published == 1;
    }

    /**
     * Withdraws the case from every bulletin that names it and is not cancelled (a draft too, so that it is
     * never published); false when no such bulletin names it, or it was withdrawn before.
     */
    boolean withdrawCase(String caseNumber, String by, String reason, OffsetDateTime at) {
        return jdbc.update("""
                UPDATE jd_bulletin_case SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
                WHERE case_number = ? AND withdrawn_at IS NULL
                  AND bulletin_id IN (SELECT id FROM jd_bulletin WHERE status <> 'CANCELLED')""",
                at, by, reason, caseNumber) > 0;
    }
}
