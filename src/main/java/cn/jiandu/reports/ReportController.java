package cn.jiandu.reports;

import java.time.Clock;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import cn.jiandu.system.SaneDate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** GET /api/reports/daily?date= and /api/reports/weekly?week=: a report's figures as JSON, for the commission's staff. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    /** A report: stored (with its review and sign-off) or, before compilation, the figures as they stand. */
    record ReportJson(ReportKind kind, String period, String periodLabel, OffsetDateTime from, OffsetDateTime to,
            boolean stored, ReportStatus status, OffsetDateTime compiledAt, String officeRemarks,
            String signOffComment, String signedBy, OffsetDateTime signedAt, OffsetDateTime mailedAt,
            ReportFigures figures) {
    }

    private final ReportService service;
    private final Clock clock;

    ReportController(ReportService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GetMapping("/daily")
    ReportJson daily(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate LocalDate date,
            Authentication authentication) {
        requireStaff(authentication);
        return json(service.day(date, clock.instant()));
    }

    @GetMapping("/weekly")
    ReportJson weekly(@RequestParam(required = false) String week, Authentication authentication) {
        requireStaff(authentication);
        return json(service.week(week, clock.instant()));
    }

    private ReportJson json(ReportPeriod period) {
        return service.stored(period)
                .map(r -> new ReportJson(r.kind(), r.periodKey(), period.label(), r.periodStart(), r.periodEnd(), true,
                        r.status(), r.compiledAt(), r.officeRemarks(), r.signOffComment(), r.signedBy(), r.signedAt(),
                        r.mailedAt(), r.figures()))
                .orElseGet(() -> new ReportJson(period.kind(), period.key(), period.label(), period.from(), period.to(),
                        false, null, null, null, null, null, null, null,
                        service.compileLive(period, clock.instant())));
    }

    /** Every group of the commission reads the reports; a login outside them does not. */
    static void requireStaff(Authentication authentication) {
        List<String> staff = new ArrayList<>(Groups.NAMES.keySet());
        if (!CurrentUser.of(authentication).isMemberOfAny(staff)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有区纪委监委工作人员可以查看监督工作报告");
        }
    }
}
