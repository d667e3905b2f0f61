package cn.jiandu.cases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Case numbers JD-&lt;year&gt;-&lt;5 digits&gt;, gapless and unique: the counter row of the year is
 * locked by the update until the reporting transaction ends, and a rolled-back report gives its
 * number back. The rows of the years are created by the migration.
 */
@Component
class CaseNumberAllocator {

    private final JdbcTemplate jdbc;

    CaseNumberAllocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String next(int year) {
        int updated = jdbc.update("UPDATE jd_case_number SET last_value = last_value + 1 WHERE case_year = ?", year);
        if (updated != 1) {
            throw new IllegalStateException("no case number counter for year " + year);
        }
        Integer value = jdbc.queryForObject("SELECT last_value FROM jd_case_number WHERE case_year = ?", Integer.class, year);
        return "JD-%d-%05d".formatted(year, value);
    }
}
