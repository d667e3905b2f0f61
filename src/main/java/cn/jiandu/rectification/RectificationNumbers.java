package cn.jiandu.rectification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** ZG-&lt;year&gt;-&lt;5 digits&gt;, gapless and unique the way case numbers are (the year's row is locked). */
@Component
class RectificationNumbers {

    private final JdbcTemplate jdbc;

    RectificationNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String next(int year) {
        int updated = jdbc.update(
                "UPDATE jd_rectification_number SET last_value = last_value + 1 WHERE rectification_year = ?", year);
        if (updated != 1) {
            throw new IllegalStateException("no rectification number counter for year " + year);
        }
        Integer value = jdbc.queryForObject(
                "SELECT last_value FROM jd_rectification_number WHERE rectification_year = ?", Integer.class, year);
        return "ZG-%d-%05d".formatted(year, value);
    }
}
