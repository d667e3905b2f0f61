package cn.jiandu.cases;

import cn.jiandu.cases.CaseEnums.Source;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Reports a problem an inspection found: starts supervisionCase with source INSPECTION, like any
 * other report, carrying the inspection's id so that the case can be traced back to it.
 */
@Service
public class InspectionCaseReporting {

    /** One problem found by inspection {@code inspectionId}, reported by the officer who recorded it. */
    public record Finding(long inspectionId, String title, String description, String unit, String personsInvolved,
            String problemType, String zone, String reportedBy) {
    }

    private final RuntimeService runtimeService;

    InspectionCaseReporting(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the case in the caller's transaction and returns its number. */
    public String reportFromInspection(Finding finding) {
        ProcessInstanceWithVariables started = runtimeService
                .createProcessInstanceByKey(SupervisionCaseProcess.PROCESS_KEY)
                .setVariables(Variables.createVariables()
                        .putValue("title", finding.title())
                        .putValue("description", finding.description())
                        .putValue("source", Source.INSPECTION.name())
                        .putValue("unit", finding.unit())
                        .putValue("personsInvolved", finding.personsInvolved())
                        .putValue("anonymous", false)
                        .putValue("problemType", finding.problemType())
                        .putValue("zone", finding.zone())
                        .putValue("reportedBy", finding.reportedBy())
                        .putValue("inspectionId", finding.inspectionId()))
                .executeWithVariablesInReturn();
        return (String) started.getVariables().get("caseNumber");
    }
}
