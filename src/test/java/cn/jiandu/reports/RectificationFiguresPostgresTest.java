package cn.jiandu.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.reports.ReportFigures.Counts;
import cn.jiandu.support.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rectification figures of a report (整改督办: open, overdue, completed, escalated — in total, by zone and by
 * unit kind) against a known mix of rows on real PostgreSQL, the period's bounds included on the left and
 * excluded on the right; and as the page and the mail say them.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@DirtiesContext
class RectificationFiguresPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "rectification_figures");
    }

    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportCompiler compiler;
    @Autowired
    ReportSchedule schedule;

    private ReportPeriod day;
    private int numbers;

    @BeforeEach
    void emptyTables() {
        jdbc.update("DELETE FROM jd_rectification_event");
        jdbc.update("DELETE FROM jd_rectification");
        day = schedule.day(DAY);
    }

    @Test
    void openOverdueCompletedAndEscalatedByZoneAndUnitKind() {
        OffsetDateTime before = day.from().minusDays(10);
        OffsetDateTime mid = day.from().plusHours(9);
        // Open: waiting for the notice (north, community), rectifying in time (south, market), rectifying past a
        // deadline of the day before (north, community: overdue too), and one due on the report's day, which the
        // 18:00 cut-off leaves time for (north, kind unknown: not overdue).
        row("NORTH", "COMMUNITY", "NOTICE_PENDING", before, null, null);
        row("SOUTH", "MARKET", "RECTIFYING", before, null, DAY.plusDays(5));
        row("NORTH", "COMMUNITY", "RECTIFYING", before, null, DAY.minusDays(1));
        row("NORTH", null, "RECTIFYING", before, null, DAY);
        // Started after the period ended: not in this report at all.
        row("SOUTH", "MARKET", "NOTICE_PENDING", day.to(), null, null);
        // Completed in the period (the first at its very start), before it, and after it.
        row("NORTH", "COMMUNITY", "COMPLETED", before, day.from(), DAY);
        row("SOUTH", "ENTERPRISE", "COMPLETED", mid, mid, DAY);
        row("SOUTH", "ENTERPRISE", "COMPLETED", before, day.from().minusSeconds(1), DAY);
        row("NORTH", "COMMUNITY", "COMPLETED", before, day.to(), DAY);
        // Escalated in the period, and one escalated the day before.
        row("SOUTH", "DEPARTMENT", "ESCALATED", before, mid, DAY.minusDays(3));
        row("NORTH", "DEPARTMENT", "ESCALATED", before, day.from().minusHours(1), DAY.minusDays(3));

        ReportFigures.Rectifications r = compiler.compile(day, day.to()).rectifications();

        assertThat(r.total()).isEqualTo(new Counts(4, 1, 2, 1));
        assertThat(r.byZone()).containsExactly(
                java.util.Map.entry("NORTH", new Counts(3, 1, 1, 0)),
                java.util.Map.entry("SOUTH", new Counts(1, 0, 1, 1)));
        assertThat(r.byUnitKind()).containsEntry("COMMUNITY", new Counts(2, 1, 1, 0))
                .containsEntry("MARKET", new Counts(1, 0, 0, 0))
                .containsEntry("ENTERPRISE", new Counts(0, 0, 1, 0))
                .containsEntry("DEPARTMENT", new Counts(0, 0, 0, 1))
                .containsEntry("OTHER", new Counts(0, 0, 0, 0))
                .containsEntry("UNKNOWN", new Counts(1, 0, 0, 0));

        ReportView view = ReportView.of(day, compiler.compile(day, day.to()), null);
        assertThat(view.rectifications().byZoneText())
                .isEqualTo("北片区 未完成 3、逾期 1、已完成 1、转立案 0；南片区 未完成 1、逾期 0、已完成 1、转立案 1");
        assertThat(view.summary()).contains("整改督办：合计 未完成 4、逾期 1、已完成 2、转立案 1")
                .contains("整改督办（按单位类别）：社区（村） 未完成 2、逾期 1、已完成 1、转立案 0；");
    }

    @Test
    void aReportStoredBeforeRectificationsWereCountedReadsAsZeros() {
        ReportFigures old = new ReportFigures(null, null, null, null, 0, null, null, null, null, null, null, null, 0,
                null);
        assertThat(old.rectifications().total()).isEqualTo(new Counts(0, 0, 0, 0));
        assertThat(old.rectifications().byZone()).containsOnlyKeys("NORTH", "SOUTH");
    }

    private void row(String zone, String unitKind, String state, OffsetDateTime created, OffsetDateTime completed,
            LocalDate deadline) {
        String number = "ZG-2025-%05d".formatted(++numbers + 90000);
        jdbc.update("""
                INSERT INTO jd_rectification (rectification_number, origin, mode, zone, unit, unit_kind, summary, state,
                    deadline, created_at, completed_at)
                VALUES (?, 'INSPECTION', 'WITHIN_DEADLINE', ?, '某单位', ?, '整改事项', ?, ?, ?, ?)""",
                number, zone, unitKind, state, deadline, Timestamp.from(created.toInstant()),
                completed == null ? null : Timestamp.from(completed.toInstant()));
    }
}
