package cn.jiandu.cases;

import cn.jiandu.common.ModelVersion;
import cn.jiandu.common.Vars;
import cn.jiandu.mail.MailOutbox;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * closeCase: the final state of the record, the outcome mail to a reporter who gave an address, and for an
 * exempted case with corrective measures (纠错) the event that starts its rectification.
 */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

    private static final Map<CaseOutcome, String> OUTCOME_LABELS = Map.of(
            CaseOutcome.UNSUBSTANTIATED, "经核实，反映的问题不属实",
            CaseOutcome.CLOSED_AT_TRIAGE, "经研判，予以了结",
            CaseOutcome.INQUIRY_ACCEPTED, "经谈话函询，相关人员的说明予以采信，予以了结",
            CaseOutcome.INQUIRY_SATISFACTORY, "经谈话函询，相关人员已作出说明，予以了结",
            CaseOutcome.REFERRED, "经初步核实，已移交有关党组织处理",
            CaseOutcome.REFERRED_FOR_INVESTIGATION, "经初步核实，已依规依纪移送立案审查调查",
            CaseOutcome.ACCOUNTABILITY, "问题属实，已依规依纪严肃问责",
            CaseOutcome.EXEMPTED, "问题属实，经审查符合容错情形，予以免责并督促纠错");

    private final CaseRepository cases;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final ReporterSeal seal;

    CloseCaseDelegate(CaseRepository cases, MailOutbox outbox, ApplicationEventPublisher events, ReporterSeal seal) {
        this.seal = seal;
        this.cases = cases;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.caseNumber(execution);
        CaseOutcome outcome = ModelVersion.is(execution, SupervisionCaseProcess.VERSION_2)
                ? CaseOutcomes.of(cases.findByNumber(caseNumber).orElseThrow())
                : CaseOutcomes.ofVersion1(execution);
        cases.close(caseNumber, outcome);
        execution.setVariable("outcome", outcome.name());
        CaseRecord record = cases.findByNumber(caseNumber).orElseThrow();
        if (outcome == CaseOutcome.EXEMPTED && record.correctiveMeasures() != null
                && !record.correctiveMeasures().isBlank()) {
            events.publishEvent(new CaseEvents.CaseExempted(caseNumber, exemptionApprover(execution)));
        }
        ReporterIdentity reporter = record.anonymous() ? null : seal.open(caseNumber, record.reporterIdentity());
        if (reporter != null && reporter.email() != null) {
            // Sealed in the outbox, and no name in the text: the mail must not tell who reported.
            outbox.recordToReporter("CASE_OUTCOME", caseNumber, reporter.email(),
                    "您反映的问题（" + caseNumber + "）已办结", "case-outcome", Map.of(
                            "caseNumber", caseNumber,
                            "title", record.title(),
                            "outcomeLabel", OUTCOME_LABELS.get(outcome)));
        }
    }

    /** The leader who last approved the exemption (approveFaultTolerance); closeCase itself runs as no one. */
    private static String exemptionApprover(DelegateExecution execution) {
        return execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(SupervisionCaseProcess.APPROVE_FAULT_TOLERANCE).finished()
                .orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst()
                .map(HistoricTaskInstance::getAssignee).orElse(null);
    }
}
