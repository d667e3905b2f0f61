package cn.jiandu.cases;

import cn.jiandu.cases.CaseEnums.Source;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the case of a report from the public page (群众举报): source PUBLIC_REPORT, reported by the page's
 * own identity {@value #REPORTED_BY} (no person: it cannot log in and widens nobody's view, see
 * CaseVisibility), the reporter's identity as transient variables that registerCase seals into the record.
 */
@Service
public class PublicCaseReporting {

    /** Who "reported" a case that came in over /report, in jd_case.reported_by. */
    public static final String REPORTED_BY = "public-report";

    /** A citizen's report; the identity is null for an anonymous one. */
    public record PublicReport(String title, String description, String unit, String zone,
            ReporterIdentity reporter) {
    }

    /** The case started: its number, and an open case it may repeat (for case-management, never for the citizen). */
    public record Started(String caseNumber, String possibleDuplicateOf) {
    }

    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    PublicCaseReporting(RuntimeService runtimeService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** Starts the case in the caller's transaction, which must exist: the report's other rows commit with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Started report(PublicReport report) {
        boolean anonymous = report.reporter() == null;
        // Nobody is logged in on the public page; a thread's stale authentication must not become the reporter.
        identityService.clearAuthentication();
        ProcessInstanceWithVariables started = runtimeService
                .createProcessInstanceByKey(SupervisionCaseProcess.PROCESS_KEY)
                .setVariables(Variables.createVariables()
                        .putValue("title", report.title())
                        .putValue("description", report.description())
                        .putValue("source", Source.PUBLIC_REPORT.name())
                        .putValue("unit", report.unit())
                        .putValue("anonymous", anonymous)
                        .putValue("zone", report.zone())
                        .putValue("reportedBy", REPORTED_BY)
                        .putValueTyped("reporterName", Variables.stringValue(anonymous ? null : report.reporter().name(), true))
                        .putValueTyped("reporterPhone", Variables.stringValue(anonymous ? null : report.reporter().phone(), true))
                        .putValueTyped("reporterEmail", Variables.stringValue(anonymous ? null : report.reporter().email(), true)))
                .executeWithVariablesInReturn();
        return new Started((String) started.getVariables().get("caseNumber"),
                (String) started.getVariables().get("possibleDuplicateOf"));
    }
}
