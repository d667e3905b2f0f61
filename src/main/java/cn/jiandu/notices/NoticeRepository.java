package cn.jiandu.notices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Public notices (jd_notice). A withdrawn notice stays in the table, with who withdrew it and why. */
@Repository
class NoticeRepository {

    private static final RowMapper<Notice> NOTICE = (rs, row) -> new Notice(rs.getLong("id"),
            rs.getString("case_number"), rs.getString("title"), rs.getString("body"), rs.getString("unit"),
            rs.getString("problem_type"), rs.getString("measure"), rs.getString("approved_by"),
            rs.getObject("published_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;

    NoticeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean existsForCase(String caseNumber) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM jd_notice WHERE case_number = ?", Integer.class,
                caseNumber);
        return count != null && count > 0;
    }

    void insert(Notice notice) {
        jdbc.update("""
                INSERT INTO jd_notice (case_number, title, body, unit, problem_type, measure, approved_by, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                notice.caseNumber(), notice.title(), notice.body(), notice.unit(), notice.problemType(),
                notice.measure(), notice.approvedBy(), notice.publishedAt());
    }

    List<Notice> published(int page, int size) {
        return jdbc.query("""
                SELECT * FROM jd_notice WHERE withdrawn_at IS NULL
                ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?""",
                NOTICE, size, (long) page * size);
    }

    long countPublished() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM jd_notice WHERE withdrawn_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    Optional<Notice> findPublished(long id) {
        return jdbc.query("SELECT * FROM jd_notice WHERE id = ? AND withdrawn_at IS NULL", NOTICE, id)
                .stream().findFirst();
    }

    /** Whether the notice exists at all, published or withdrawn. */
    boolean exists(long id) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM jd_notice WHERE id = ?", Integer.class, id);
        return count != null && count > 0;
    }

    /** The id of the case's notice while it is published. */
    Optional<Long> publishedIdOfCase(String caseNumber) {
        return jdbc.queryForList("SELECT id FROM jd_notice WHERE case_number = ? AND withdrawn_at IS NULL", Long.class,
                caseNumber).stream().findFirst();
    }

    /** Withdraws a published notice; false when there is no published notice with this id. */
    boolean withdraw(long id, String by, String reason, OffsetDateTime at) {
        return jdbc.update("""
                UPDATE jd_notice SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?
                WHERE id = ? AND withdrawn_at IS NULL""", at, by, reason, id) == 1;
    }
}
