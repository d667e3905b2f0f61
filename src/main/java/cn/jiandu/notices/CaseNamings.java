package cn.jiandu.notices;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a case is named publicly, for the case page: its own notice (route version 1) and every bulletin
 * that names it (route version 2), drafts included, with a withdrawal's who and why. The caller has
 * already decided that the reader may see the case.
 */
@Service
@Transactional(readOnly = true)
public class CaseNamings {

    /**
     * @param kind   NOTICE (通报) or BULLETIN (集中通报)
     * @param status DRAFT, PUBLISHED or CANCELLED as the bulletin stands; PUBLISHED for a notice
     * @param publicLink the public page while the public may read it, else null
     */
    public record Naming(String kind, long id, String title, String status, OffsetDateTime publishedAt,
            OffsetDateTime withdrawnAt, String withdrawnBy, String withdrawnReason, String publicLink) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    private final JdbcTemplate jdbc;

    CaseNamings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Naming> of(String caseNumber) {
        List<Naming> namings = new ArrayList<>(jdbc.query("""
                SELECT id, title, published_at, withdrawn_at, withdrawn_by, withdrawn_reason
                FROM jd_notice WHERE case_number = ?""",
                (rs, row) -> {
                    OffsetDateTime withdrawnAt = rs.getObject("withdrawn_at", OffsetDateTime.class);
                    long id = rs.getLong("id");
                    return new Naming("NOTICE", id, rs.getString("title"), "PUBLISHED",
                            rs.getObject("published_at", OffsetDateTime.class), withdrawnAt,
                            rs.getString("withdrawn_by"), rs.getString("withdrawn_reason"),
                            withdrawnAt == null ? "/notices/" + id : null);
                }, caseNumber));
        namings.addAll(jdbc.query("""
                SELECT b.id, b.title, b.status, b.published_at, c.withdrawn_at, c.withdrawn_by, c.withdrawn_reason
                FROM jd_bulletin_case c JOIN jd_bulletin b ON b.id = c.bulletin_id
                WHERE c.case_number = ?""",
                (rs, row) -> {
                    OffsetDateTime withdrawnAt = rs.getObject("withdrawn_at", OffsetDateTime.class);
                    String status = rs.getString("status");
                    long id = rs.getLong("id");
                    return new Naming("BULLETIN", id, rs.getString("title"), status,
                            rs.getObject("published_at", OffsetDateTime.class), withdrawnAt,
                            rs.getString("withdrawn_by"), rs.getString("withdrawn_reason"),
                            "PUBLISHED".equals(status) && withdrawnAt == null ? "/notices/bulletins/" + id : null);
                }, caseNumber));
        namings.sort(Comparator.comparing(Naming::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return namings;
    }
}
