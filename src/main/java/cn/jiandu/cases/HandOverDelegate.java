package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * handOverForInvestigation (asynchronous, retried): leaders approved filing (立案审查调查), so the case
 * leaves this route with a hand-over record — the findings and the persons as they stand, who approved,
 * when — and closes as REFERRED_FOR_INVESTIGATION. Party discipline and government sanctions are
 * decided after filing, outside Jiandu's route.
 */
@Component("handOverDelegate")
class HandOverDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final CasePersons persons;
    private final HistoryService history;

    HandOverDelegate(CaseRepository cases, CasePersons persons, HistoryService history) {
        this.cases = cases;
        this.persons = persons;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = Vars.caseNumber(execution);
        CaseRecord record = cases.findByNumber(caseNumber).orElseThrow();
        cases.recordHandOver(caseNumber, record.findings(), persons.json(persons.of(caseNumber)),
                approver(execution.getProcessInstanceId()));
    }

    /** The leader who completed the last approval: from the engine's history, which no client writes. */
    private String approver(String processInstanceId) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(SupervisionCaseProcess.APPROVE_ACCOUNTABILITY).finished()
                .orderByHistoricTaskInstanceEndTime().desc().list().stream().findFirst()
                .map(HistoricTaskInstance::getAssignee).orElse(null);
    }
}
