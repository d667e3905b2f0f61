package cn.jiandu.notices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Public notices (jd_notice). A withdrawn notice stays in the table, with who withdrew it and why. The
 * public list holds bulletins (jd_bulletin) too, ordered with the notices by the time they were published.
 */
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

    /** A published notice or bulletin, as the public list orders them. */
    record Published(String kind, long id) {
    }

    /** Notices and bulletins the public may read, newest first. */
    List<Published> published(int page, int size) {
        return jdbc.query("""
                SELECT kind, id FROM (
                    SELECT 'NOTICE' AS kind, id, published_at FROM jd_notice WHERE withdrawn_at IS NULL
                    UNION ALL
                    SELECT 'BULLETIN' AS kind, b.id, b.published_at FROM jd_bulletin b WHERE %s
                ) shown
                ORDER BY published_at DESC, kind, id DESC LIMIT ? OFFSET ?""".formatted(BulletinRepository.SHOWN),
                (rs, row) -> new Published(rs.getString(1).strip(), rs.getLong(2)), size, (long) page * size);
    }

    long countPublished() {
        Long notices = jdbc.queryForObject("SELECT COUNT(*) FROM jd_notice WHERE withdrawn_at IS NULL", Long.class);
        Long bulletins = jdbc.queryForObject("SELECT COUNT(*) FROM jd_bulletin b WHERE " + BulletinRepository.SHOWN,
                Long.class);
        return (notices == null ? 0 : notices) + (bulletins == null ? 0 : bulletins);
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
