package cn.jiandu.common;

import java.time.LocalDate;

/**
 * The dates Jiandu works with: 2020 to 2199, the years jd_case_number has counters for (V1), so no
 * case, inspection, deadline or report can lie outside them. Anything else is a typing mistake or
 * an attack (far-off dates overflowed report periods and timers).
 */
public final class AcceptedDates {

    public static final LocalDate EARLIEST = LocalDate.of(2020, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    /** How a message states the range. */
    public static final String RANGE = "2020-01-01 至 2199-12-31";

    private AcceptedDates() {
    }

    public static boolean accepts(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
