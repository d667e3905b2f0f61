package cn.jiandu.cases;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import cn.jiandu.system.SaneDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * POST /api/cases reports a problem; GET lists and shows cases, each only as far as the caller may see.
 * Constraints on parameters are checked by Spring MVC itself (no class-level @Validated, which would check
 * them in a proxy and answer 500), and answered by ApiErrors with the parameter's name.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    /** What an Idempotency-Key may be: what fits its column (VARCHAR(200)) and travels unchanged in a header. */
    static final String IDEMPOTENCY_KEY = "[\\x20-\\x7E]{1,200}";

    record Reported(String caseNumber, String stage, String possibleDuplicateOf) {
    }

    private final CaseReporting reporting;
    private final CaseQueries queries;

    CaseController(CaseReporting reporting, CaseQueries queries) {
        this.reporting = reporting;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<Reported> report(@Valid @RequestBody ReportCaseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = IDEMPOTENCY_KEY, message = "只能由可打印的 ASCII 字符组成（字母、数字、空格和 - _ . : 等符号），"
                    + "不能含汉字或控制字符，长度 1 到 200 个字符") String idempotencyKey,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isMemberOfAny(Groups.REPORTERS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "只有案件监督管理室、监督检查组、派驻纪检监察组和委领导可以登记问题线索");
        }
        CaseReporting.Reported reported;
        try {
            reported = reporting.report(request, user, idempotencyKey);
        } catch (DataIntegrityViolationException concurrentSameKey) {
            // Another request of this caller with the same key won the race; answer as it was answered.
            reported = reporting.replay(user, idempotencyKey, reporting.hash(request))
                    .orElseThrow(() -> concurrentSameKey);
        }
        CaseRecord record = reported.record();
        // A possible duplicate reported by someone else is for case management to judge; the caller learns
        // its number only if they may read that case.
        String duplicate = queries.readable(user, record.possibleDuplicateOf()) ? record.possibleDuplicateOf() : null;
        return ResponseEntity.created(URI.create("/api/cases/" + record.caseNumber()))
                .body(new Reported(record.caseNumber(), record.stage(), duplicate));
    }

    /** The register's search (the page /cases takes the same parameters); existing parameters keep their meaning. */
    @GetMapping
    CasePage list(
            @RequestParam(required = false) CaseStage stage,
            @RequestParam(required = false) CaseEnums.Zone zone,
            @RequestParam(required = false) CaseEnums.ProblemType problemType,
            @RequestParam(required = false) CaseEnums.Source source,
            @RequestParam(required = false) CaseOutcome outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate
            LocalDate reportedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate
            LocalDate reportedTo,
            @RequestParam(required = false) @Size(max = CaseFilter.TEXT_MAX, message = CaseFilter.TEXT_MESSAGE) String caseNumber,
            @RequestParam(required = false) @Size(max = CaseFilter.TEXT_MAX, message = CaseFilter.TEXT_MESSAGE) String unit,
            @RequestParam(required = false) @Size(max = CaseFilter.TEXT_MAX, message = CaseFilter.TEXT_MESSAGE) String person,
            @RequestParam(required = false) @Size(max = CaseFilter.TEXT_MAX, message = CaseFilter.TEXT_MESSAGE) String keyword,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) CaseSort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        if (page < 0 || size < 1 || size > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page 不能小于 0，size 须在 1 到 200 之间");
        }
        CaseFilter filter = new CaseFilter(stage, outcome, zone, problemType, source, reportedFrom, reportedTo,
                caseNumber, unit, person, keyword, overdue, sort);
        return queries.search(CurrentUser.of(authentication), filter, page, size);
    }

    @GetMapping("/{caseNumber}")
    CaseView detail(@PathVariable @Size(max = 20, message = "案件编号不能超过 20 个字符，格式如 JD-2026-00001")
            String caseNumber, Authentication authentication) {
        return queries.detail(CurrentUser.of(authentication), caseNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "没有编号为 " + caseNumber + " 的案件，或您无权查看该案件"));
    }

}
