package cn.jiandu.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** What each report covers, and when its timer fires, for the configured cut-off and zone. */
class ReportScheduleTest {

    private final ReportSchedule schedule = new ReportSchedule(ZoneId.of("Asia/Shanghai"), "18:00", "MONDAY", "09:00");

    @Test
    void aDayRunsFromThePreviousCutOffToItsOwn() {
        ReportPeriod day = schedule.day(LocalDate.of(2025, 3, 3));
        assertThat(day.key()).isEqualTo("2025-03-03");
        assertThat(day.label()).isEqualTo("2025年3月3日");
        assertThat(day.from()).isEqualTo(OffsetDateTime.parse("2025-03-02T18:00+08:00"));
        assertThat(day.to()).isEqualTo(OffsetDateTime.parse("2025-03-03T18:00+08:00"));
    }

    @Test
    void theLatestDayIsTheOneWhoseCutOffHasPassed() {
        assertThat(schedule.latestDay(OffsetDateTime.parse("2025-03-03T17:59:59+08:00").toInstant()))
                .isEqualTo(LocalDate.of(2025, 3, 2));
        assertThat(schedule.latestDay(OffsetDateTime.parse("2025-03-03T18:00+08:00").toInstant()))
                .isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(schedule.latestDay(OffsetDateTime.parse("2025-03-03T10:30Z").toInstant()))
                .isEqualTo(LocalDate.of(2025, 3, 3));
    }

    @Test
    void aWeekIsItsSevenDailyPeriodsMondayToSunday() {
        ReportPeriod week = schedule.week("2025-W10");
        assertThat(week.key()).isEqualTo("2025-W10");
        assertThat(week.label()).isEqualTo("2025年第10周（2025年3月3日至2025年3月9日）");
        assertThat(week.from()).isEqualTo(schedule.day(LocalDate.of(2025, 3, 3)).from());
        assertThat(week.to()).isEqualTo(schedule.day(LocalDate.of(2025, 3, 9)).to());
        assertThat(schedule.week(LocalDate.of(2025, 3, 6)).key()).isEqualTo("2025-W10");
        assertThat(schedule.week(LocalDate.of(2024, 12, 30)).key()).isEqualTo("2025-W01");
    }

    @Test
    void theLatestWeekIsTheLastOneWhoseSundayCutOffHasPassed() {
        assertThat(schedule.latestWeek(OffsetDateTime.parse("2025-03-10T09:00+08:00").toInstant()).key())
                .isEqualTo("2025-W10");
        assertThat(schedule.latestWeek(OffsetDateTime.parse("2025-03-09T17:00+08:00").toInstant()).key())
                .isEqualTo("2025-W09");
    }

    @Test
    void malformedOrNonexistentWeeksAreRefused() {
        assertThatThrownBy(() -> schedule.week("2025-10")).hasMessageContaining("YYYY-Www");
        assertThatThrownBy(() -> schedule.week("2025-W53")).hasMessageContaining("没有第 53 周");
        assertThat(schedule.week("2026-W53").key()).isEqualTo("2026-W53");
    }

    @Test
    void theCronsAreTheLocalTimesInTheEnginesZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            assertThat(schedule.getDailyCron()).isEqualTo("0 0 10 * * ?");
            assertThat(new ReportSchedule(ZoneId.of("Asia/Shanghai"), "18:30", "MONDAY", "07:15").getWeeklyCron())
                    .isEqualTo("0 15 23 ? * SUN");
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            assertThat(schedule.getDailyCron()).isEqualTo("0 0 18 * * ?");
            assertThat(schedule.getWeeklyCron()).isEqualTo("0 0 9 ? * MON");
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void theNextFiringsAreStrictlyAhead() {
        assertThat(schedule.nextDaily(OffsetDateTime.parse("2025-03-03T18:00+08:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2025-03-04T18:00+08:00").toInstant());
        assertThat(schedule.nextDaily(OffsetDateTime.parse("2025-03-03T08:00+08:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2025-03-03T18:00+08:00").toInstant());
        assertThat(schedule.nextWeekly(OffsetDateTime.parse("2025-03-05T12:00+08:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2025-03-10T09:00+08:00").toInstant());
    }

    @Test
    void aMisconfiguredScheduleStopsTheStartWithTheSettingNamed() {
        assertThatThrownBy(() -> new ReportSchedule(ZoneId.of("Asia/Shanghai"), "6pm", "MONDAY", "09:00"))
                .hasMessageContaining("jiandu.reports.daily-time");
        assertThatThrownBy(() -> new ReportSchedule(ZoneId.of("Asia/Shanghai"), "18:00", "周一", "09:00"))
                .hasMessageContaining("jiandu.reports.weekly-day");
    }
}
