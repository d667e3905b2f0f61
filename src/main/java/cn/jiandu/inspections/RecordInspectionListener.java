package cn.jiandu.inspections;

import java.time.Clock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import cn.jiandu.inspections.InspectionEnums.Handling;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing recordInspection: checks what the team entered and stores the inspection as
 * carried out with its findings, in the transaction of the completion. From then on the
 * inspection is no longer confidential.
 */
@Component("recordInspectionListener")
class RecordInspectionListener implements TaskListener {

    private final InspectionRepository inspections;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final Clock clock;

    RecordInspectionListener(InspectionRepository inspections, ObjectMapper json, Clock clock) {
        this.inspections = inspections;
        this.json = json;
        this.zone = clock.getZone();
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Inspection inspection = inspections.findByProcessInstance(task.getProcessInstanceId()).orElseThrow();
        long id = inspection.id();
        InspectionCheck.Outcome outcome = InspectionCheck.outcome(task, inspection.unit(), LocalDate.now(clock), zone,
                json);
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (task.getAssignee() == null && current != null) {
            task.setAssignee(current.getUserId());
        }
        outcome = withRepeatsAsCases(outcome, id);
        inspections.recordCarriedOut(id, outcome, task.getAssignee(), OffsetDateTime.now(clock));
        task.getExecution().setVariable("problemCount", outcome.findings().size());
        task.getExecution().setVariable("recordedBy", task.getAssignee());
    }

    /**
     * A minor finding may be rectified without a case, unless the unit had a problem of the same type found or
     * rectified in the twelve months before: then it is handled as a case, and the finding says why.
     */
    private InspectionCheck.Outcome withRepeatsAsCases(InspectionCheck.Outcome outcome, long inspectionId) {
        LocalDate since = outcome.inspectedOn().minusMonths(12);
        List<InspectionCheck.NewFinding> findings = outcome.findings().stream()
                .map(f -> f.handling() != Handling.CASE
                        && inspections.foundBefore(f.unit(), f.problemType().name(), since, inspectionId)
                                ? f.asRepeat() : f)
                .toList();
        return new InspectionCheck.Outcome(outcome.inspectedOn(), outcome.summary(), findings);
    }
}
