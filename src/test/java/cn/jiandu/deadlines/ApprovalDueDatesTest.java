package cn.jiandu.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An approval of a disposal opened before the model dated it (here: its date taken away) gets its case's
 * triage date at the next start; one that has its date keeps it.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:approval-due-dates;DB_CLOSE_DELAY=-1"})
class ApprovalDueDatesTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ApprovalDueDates approvalDueDates;

    @Test
    void anUndatedApprovalGetsItsTriagesDateAndADatedOneKeepsItsOwn() {
        String undated = caseAwaitingApproval("北湖街道幸福社区");
        String dated = caseAwaitingApproval("南湖农贸市场");
        Task earlier = approvalOf(undated);
        earlier.setDueDate(null);
        tasks.saveTask(earlier);
        assertThat(approvalOf(undated).getDueDate()).isNull();

        approvalDueDates.giveEarlierApprovalsTheirDueDate();

        assertThat(approvalOf(undated).getDueDate()).isEqualTo(runtime.getVariable(undated, "triageDueDate"));
        assertThat(approvalOf(dated).getDueDate()).isEqualTo(runtime.getVariable(dated, "triageDueDate"));
    }

    private String caseAwaitingApproval(String unit) {
        String id = runtime.startProcessInstanceByKey("supervisionCase", Map.of(
                "title", unit + "未落实封闭管理", "description", "出入口无人值守，未测体温",
                "source", "INSPECTION", "unit", unit, "personsInvolved", "负责人某",
                "anonymous", false, "zone", "NORTH")).getId();
        Task triage = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey("triageCase").singleResult();
        tasks.complete(triage.getId(), Map.of("problemType", "INEFFECTIVE_PREVENTION", "severity", "MINOR",
                "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "建议初步核实"));
        return id;
    }

    private Task approvalOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("approveDisposal")
                .singleResult();
    }
}
