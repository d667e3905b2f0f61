package cn.jiandu.inspections;

import java.time.Clock;
import cn.jiandu.common.Vars;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * registerInspection: stores the plan and gives it its number (the business key). The zone's team
 * has until the end of the planned day to carry it out.
 */
@Component("registerInspectionDelegate")
class RegisterInspectionDelegate implements JavaDelegate {

    private final InspectionRepository inspections;
    private final ZoneId zone;
    private final Clock clock;

    RegisterInspectionDelegate(InspectionRepository inspections, Clock clock) {
        this.inspections = inspections;
        this.zone = clock.getZone();
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // registerInspection runs in the start's transaction, as the person who started it (not as a job).
        InspectionCheck.Plan plan = InspectionCheck.plan(execution, zone,
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
        long id = inspections.insertPlan(plan, execution.getProcessInstanceId(), Vars.string(execution, "plannedBy"),
                OffsetDateTime.now(clock));
        execution.setProcessBusinessKey(Inspection.number(id));
        execution.setVariable("inspectionId", id);
        execution.setVariable("inspectionNumber", Inspection.number(id));
        execution.setVariable("plannedDate", plan.plannedDate().toString());
        execution.setVariable("inspectionDueDate",
                Date.from(plan.plannedDate().plusDays(1).atStartOfDay(zone).toInstant()));
    }
}
