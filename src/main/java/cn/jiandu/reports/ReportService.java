package cn.jiandu.reports;

import cn.jiandu.mail.TaskLinks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Which period a report covers, and a report as stored (once compiled) or compiled live (before). */
@Service
class ReportService {

    private final ReportSchedule schedule;
    private final ReportCompiler compiler;
    private final ReportRepository reports;
    private final TaskLinks links;

    ReportService(ReportSchedule schedule, ReportCompiler compiler, ReportRepository reports, TaskLinks links) {
        this.schedule = schedule;
        this.compiler = compiler;
        this.reports = reports;
        this.links = links;
    }

    /** The page of the report, for mails and forms. */
    String link(ReportPeriod period) {
        return links.publicUrl() + (period.kind() == ReportKind.DAILY
                ? "/reports/daily?date=" + period.key() : "/reports/weekly?week=" + period.key());
    }

    /** The period whose cut-off has just passed: what the timer compiles. */
    ReportPeriod duePeriod(ReportKind kind, Instant now) {
        return kind == ReportKind.DAILY ? schedule.day(schedule.latestDay(now)) : schedule.latestWeek(now);
    }

    ReportPeriod period(ReportKind kind, String key) {
        return kind == ReportKind.DAILY ? schedule.day(LocalDate.parse(key)) : schedule.week(key);
    }

    /** The day asked for; no date means the latest day whose report is due. */
    ReportPeriod day(LocalDate date, Instant now) {
        ReportPeriod period = schedule.day(date == null ? schedule.latestDay(now) : date);
        return started(period, now);
    }

    /** The week asked for (2025-W09); none means the latest complete week. */
    ReportPeriod week(String isoWeek, Instant now) {
        if (isoWeek == null || isoWeek.isBlank()) {
            return schedule.latestWeek(now);
        }
        try {
            return started(schedule.week(isoWeek), now);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "参数 week：" + e.getMessage());
        }
    }

    /** The period of a day or a week, whether it has started or not. */
    ReportPeriod day(LocalDate date) {
        return schedule.day(date);
    }

    ReportPeriod week(LocalDate anyDay) {
        return schedule.week(anyDay);
    }

    @Transactional(readOnly = true)
    Optional<Report> stored(ReportPeriod period) {
        return reports.find(period.kind(), period.key());
    }

    /** The stored report if there is one, as it was signed; otherwise the figures as they stand now. */
    @Transactional(readOnly = true)
    ReportView view(ReportPeriod period, Instant now) {
        return stored(period)
                .map(report -> ReportView.of(period, report.figures(), report))
                .orElseGet(() -> ReportView.of(period, compiler.compile(period, now.atZone(schedule.zone())
                        .toOffsetDateTime()), null));
    }

    ReportFigures compileLive(ReportPeriod period, Instant now) {
        return compiler.compile(period, OffsetDateTime.ofInstant(now, schedule.zone()));
    }

    private static ReportPeriod started(ReportPeriod period, Instant now) {
        if (period.from().toInstant().isAfter(now)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    period.label() + "的统计区间（自 " + period.from().toLocalDateTime().toString().replace('T', ' ')
                            + " 起）尚未开始");
        }
        return period;
    }
}
