package cn.jiandu.cases;

import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Source;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Reports a unit's failure to rectify (整改不实不力) as a new supervisionCase against the person responsible
 * for rectifying: source HIGHER_REFERRAL when leaders decided it on an overdue rectification, INSPECTION
 * when a follow-up check (回头看) found the problem back. The case carries the rectification's number.
 */
@Service
public class NonRectificationReporting {

    /**
     * @param leadersDecided leaders opened it on an overdue rectification (else a follow-up found a relapse)
     * @param reportedBy     the leader who decided, or the officer who recorded the follow-up
     */
    public record Referral(String rectificationNumber, boolean leadersDecided, String title, String description,
            String unit, String personsInvolved, String zone, String reportedBy) {
    }

    private final RuntimeService runtimeService;

    NonRectificationReporting(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the case in the caller's transaction and returns its number. */
    public String report(Referral referral) {
        ProcessInstanceWithVariables started = runtimeService
                .createProcessInstanceByKey(SupervisionCaseProcess.PROCESS_KEY)
                .setVariables(Variables.createVariables()
                        .putValue("title", fit(referral.title(), SupervisionCaseSteps.TITLE))
                        .putValue("description", fit(referral.description(), SupervisionCaseSteps.DESCRIPTION))
                        .putValue("source", (referral.leadersDecided() ? Source.HIGHER_REFERRAL : Source.INSPECTION)
                                .name())
                        .putValue("unit", fit(referral.unit(), SupervisionCaseSteps.UNIT))
                        .putValue("personsInvolved", fit(referral.personsInvolved(),
                                SupervisionCaseSteps.PERSONS_INVOLVED))
                        .putValue("anonymous", false)
                        .putValue("problemType", ProblemType.FORMALISM_BUREAUCRATISM.name())
                        .putValue("zone", referral.zone())
                        .putValue("reportedBy", referral.reportedBy())
                        .putValue("rectificationNumber", referral.rectificationNumber()))
                .executeWithVariablesInReturn();
        return (String) started.getVariables().get("caseNumber");
    }

    private static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
