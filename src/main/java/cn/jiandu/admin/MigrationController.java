package cn.jiandu.admin;

import cn.jiandu.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves running cases to a new version of their process, for administrators: a dry run first,
 * then the migration as a Camunda batch whose progress and failures can be read back.
 */
@RestController
@RequestMapping("/api/admin/migrations")
class MigrationController {

    /** A real run asked for while the dry run still shows problems: nothing was started. */
    static final class NotReady extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient MigrationReport report;

        NotReady(MigrationReport report) {
            super("迁移计划尚不完整，未开始迁移");
            this.report = report;
        }
    }

    private final MigrationPlanner planner;
    private final MigrationBatches batches;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    MigrationController(MigrationPlanner planner, MigrationBatches batches, RuntimeService runtimeService,
            IdentityService identityService) {
        this.planner = planner;
        this.batches = batches;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @PostMapping
    ResponseEntity<MigrationReport> migrate(@Valid @RequestBody MigrationRequest request, Authentication authentication) {
        CurrentUser admin = Administrators.require(authentication);
        identityService.setAuthentication(admin.id(), admin.groups());
        try {
            MigrationPlanner.Planned planned = planner.plan(request);
            if (request.isDryRun()) {
                return ResponseEntity.ok(planned.report());
            }
            if (!planned.report().ready()) {
                throw new NotReady(planned.report());
            }
            Batch batch = runtimeService.newMigration(planned.plan()).processInstanceIds(planned.instanceIds())
                    .skipCustomListeners().skipIoMappings().executeAsync();
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(planned.report().started(batch.getId()));
        } finally {
            identityService.clearAuthentication();
        }
    }

    @GetMapping
    List<MigrationBatches.Progress> recent(Authentication authentication) {
        Administrators.require(authentication);
        return batches.recent(20);
    }

    @GetMapping("/{batchId}")
    MigrationBatches.Progress progress(@PathVariable @Size(max = 64, message = "批次编号不能超过 64 个字符") String batchId,
            Authentication authentication) {
        Administrators.require(authentication);
        return batches.progress(batchId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + batchId + " 的迁移批次"));
    }

    @ExceptionHandler(NotReady.class)
    ProblemDetail notReady(NotReady refused) {
        MigrationReport report = refused.report;
        String detail = report.instanceCount() == 0 ? "该版本没有正在运行的实例，无需迁移。"
                : "迁移计划尚不完整：" + (report.instanceCount() - report.migratableCount()) + " 个实例有环节无法对应到新版本"
                        + (report.problems().isEmpty() ? "" : "，另有 " + report.problems().size() + " 个映射问题")
                        + "。请先按试运行的结果补充映射（mappings），未开始迁移。";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("无法开始迁移");
        problem.setProperty("report", report);
        return problem;
    }
}
