package cn.jiandu.appeals;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The appeals of a case, for the case page; the caller has already decided that the reader may see the case. */
@Service
@Transactional(readOnly = true)
public class CaseAppeals {

    private final JdbcTemplate jdbc;
    private final AppealRepository appeals;

    CaseAppeals(JdbcTemplate jdbc, AppealRepository appeals) {
        this.jdbc = jdbc;
        this.appeals = appeals;
    }

    /** In the order they were received. */
    public List<Appeal> of(String caseNumber) {
        List<String> numbers = jdbc.queryForList(
                "SELECT appeal_number FROM jd_appeal WHERE case_number = ? ORDER BY received_on, id", String.class,
                caseNumber);
        return numbers.stream().map(appeals::find).flatMap(java.util.Optional::stream).toList();
    }
}
