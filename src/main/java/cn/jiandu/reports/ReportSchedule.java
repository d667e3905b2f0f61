package cn.jiandu.reports;

import java.time.Clock;
import cn.jiandu.system.SaneDate;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the reports are compiled and what they cover. The daily report of a date counts what
 * happened in the 24 hours up to that date's cut-off (jiandu.reports.daily-time, 18:00 in
 * jiandu.timezone): the report of 3 March covers 2 March 18:00 to 3 March 18:00. A week's
 * bulletin covers the periods of its seven daily reports, Monday to Sunday, and is compiled on
 * jiandu.reports.weekly-day at jiandu.reports.weekly-time.
 *
 * <p>The engine reads cron expressions in the JVM's time zone, so the crons given to the timer start
 * events (${reportSchedule.dailyCron}, ${reportSchedule.weeklyCron}) are the configured local times
 * converted to it. For a zone with daylight saving time the conversion holds for the offset in force
 * at start-up; Asia/Shanghai has none.
 */
@Component("reportSchedule")
public class ReportSchedule {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ZoneId zone;
    private final LocalTime dailyTime;
    private final DayOfWeek weeklyDay;
    private final LocalTime weeklyTime;

    @Autowired
    ReportSchedule(Clock clock,
            @Value("${jiandu.reports.daily-time:18:00}") String dailyTime,
            @Value("${jiandu.reports.weekly-day:MONDAY}") String weeklyDay,
            @Value("${jiandu.reports.weekly-time:09:00}") String weeklyTime) {
        this(clock.getZone(), dailyTime, weeklyDay, weeklyTime);
    }

    ReportSchedule(ZoneId zone, String dailyTime, String weeklyDay, String weeklyTime) {
        this.zone = zone;
        this.dailyTime = time("jiandu.reports.daily-time", dailyTime);
        this.weeklyTime = time("jiandu.reports.weekly-time", weeklyTime);
        try {
            this.weeklyDay = DayOfWeek.valueOf(weeklyDay.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jiandu.reports.weekly-day must be a day such as MONDAY, not " + weeklyDay);
        }
    }

    /** Quartz cron (seconds first) of the daily cut-off, in the JVM's time zone. */
    public String getDailyCron() {
        ZonedDateTime next = LocalDate.now(zone).atTime(dailyTime).atZone(zone).withZoneSameInstant(ZoneId.systemDefault());
        return "0 %d %d * * ?".formatted(next.getMinute(), next.getHour());
    }

    /** Quartz cron of the weekly compilation, in the JVM's time zone (the day may shift with the zone). */
    public String getWeeklyCron() {
        ZonedDateTime next = LocalDate.now(zone).with(TemporalAdjusters.nextOrSame(weeklyDay)).atTime(weeklyTime)
                .atZone(zone).withZoneSameInstant(ZoneId.systemDefault());
        String day = next.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
        return "0 %d %d ? * %s".formatted(next.getMinute(), next.getHour(), day);
    }

    /** The next daily cut-off strictly after the instant: when the daily timer should fire next. */
    public Instant nextDaily(Instant now) {
        ZonedDateTime cutOff = now.atZone(zone).toLocalDate().atTime(dailyTime).atZone(zone);
        return (cutOff.toInstant().isAfter(now) ? cutOff : cutOff.plusDays(1)).toInstant();
    }

    /** The next weekly compilation strictly after the instant. */
    public Instant nextWeekly(Instant now) {
        ZonedDateTime next = now.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(weeklyDay))
                .atTime(weeklyTime).atZone(zone);
        return (next.toInstant().isAfter(now) ? next : next.plusWeeks(1)).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }

    public ReportPeriod day(LocalDate date) {
        return new ReportPeriod(ReportKind.DAILY, date.toString(), DAY_LABEL.format(date),
                cutOff(date.minusDays(1)), cutOff(date));
    }

    public ReportPeriod week(LocalDate monday) {
        LocalDate start = monday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = start.plusDays(6);
        String key = "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String label = "%d年第%d周（%s至%s）".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
                start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), DAY_LABEL.format(start), DAY_LABEL.format(sunday));
        return new ReportPeriod(ReportKind.WEEKLY, key, label, cutOff(start.minusDays(1)), cutOff(sunday));
    }

    /**
     * The week named as in 2025-W09 (ISO 8601), of a year SaneDate accepts; empty text is rejected like any
     * malformed one.
     */
    public ReportPeriod week(String isoWeek) {
        Matcher matcher = WEEK.matcher(isoWeek == null ? "" : isoWeek.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("周须写作 YYYY-Www，例如 2025-W09");
        }
        int year = Integer.parseInt(matcher.group(1));
        int week = Integer.parseInt(matcher.group(2));
        if (year < SaneDate.EARLIEST.getYear() || year > SaneDate.LATEST.getYear()) {
            throw new IllegalArgumentException("周的年份须在 " + SaneDate.EARLIEST.getYear() + " 至 "
                    + SaneDate.LATEST.getYear() + " 之间，例如 2025-W09");
        }
        LocalDate anyDayOfYear = LocalDate.of(year, 6, 1);
        if (week < 1 || week > anyDayOfYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new IllegalArgumentException(year + " 年没有第 " + week + " 周");
        }
        return week(anyDayOfYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }

    /** The date of the latest daily cut-off at or before the instant. */
    public LocalDate latestDay(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        return local.toLocalTime().isBefore(dailyTime) ? today.minusDays(1) : today;
    }

    /** The latest week whose last cut-off (Sunday's) is at or before the instant. */
    public ReportPeriod latestWeek(Instant now) {
        LocalDate sunday = latestDay(now).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        return week(sunday.minusDays(6));
    }

    private OffsetDateTime cutOff(LocalDate date) {
        return date.atTime(dailyTime).atZone(zone).toOffsetDateTime();
    }

    private static LocalTime time(String property, String value) {
        try {
            return LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + " must be a time of day such as 18:00, not " + value);
        }
    }
}
