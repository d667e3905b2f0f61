package cn.jiandu.cases;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** POST /api/cases reports a problem; GET lists and shows cases, each only as far as the caller may see. */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseController {

    record Reported(String caseNumber, String stage, String possibleDuplicateOf) {
    }

    private final CaseReporting reporting;
    private final CaseQueries queries;
    private final JianduClock clock;

    CaseController(CaseReporting reporting, CaseQueries queries, JianduClock clock) {
        this.reporting = reporting;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Reported> report(@Valid @RequestBody ReportCaseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isMemberOfAny(Groups.REPORTERS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "只有案件监督管理室、监督检查组、派驻纪检监察组和委领导可以登记问题线索");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Idempotency-Key 须为 1 到 200 个字符");
        }
        CaseReporting.Reported reported;
        try {
            reported = reporting.report(request, user, idempotencyKey);
        } catch (DataIntegrityViolationException concurrentSameKey) {
            // Another request with the same key won the race; answer as it was answered.
            reported = reporting.replay(idempotencyKey, reporting.hash(request)).orElseThrow(() -> concurrentSameKey);
        }
        CaseRecord record = reported.record();
        return ResponseEntity.created(URI.create("/api/cases/" + record.caseNumber()))
                .body(new Reported(record.caseNumber(), record.stage(), record.possibleDuplicateOf()));
    }

    @GetMapping
    CasePage list(
            @RequestParam(required = false) CaseStage stage,
            @RequestParam(required = false) CaseEnums.Zone zone,
            @RequestParam(required = false) CaseEnums.ProblemType problemType,
            @RequestParam(required = false) CaseEnums.Source source,
            @RequestParam(required = false) CaseOutcome outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedTo,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        if (page < 0 || size < 1 || size > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page 不能小于 0，size 须在 1 到 200 之间");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        if (stage != null) columns.put("stage", stage.name());
        if (zone != null) columns.put("zone", zone.name());
        if (problemType != null) columns.put("problem_type", problemType.name());
        if (source != null) columns.put("source", source.name());
        if (outcome != null) columns.put("outcome", outcome.name());
        CaseFilter filter = new CaseFilter(columns, startOf(reportedFrom), startOf(reportedTo == null ? null : reportedTo.plusDays(1)));
        return queries.list(CurrentUser.of(authentication), filter, page, size);
    }

    @GetMapping("/{caseNumber}")
    CaseView detail(@PathVariable String caseNumber, Authentication authentication) {
        return queries.detail(CurrentUser.of(authentication), caseNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "没有编号为 " + caseNumber + " 的案件，或您无权查看该案件"));
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(clock.zone()).toOffsetDateTime();
    }
}
