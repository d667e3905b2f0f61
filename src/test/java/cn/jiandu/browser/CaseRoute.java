package cn.jiandu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Moves a case along supervisionCase the way the officers would, for the steps a browser test does
 * not show: reported over POST /api/cases, tasks claimed and completed by the user of the right group.
 */
final class CaseRoute {

    private final Http http;
    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;

    CaseRoute(Http http, TaskService tasks, ManagementService management, RuntimeService runtime) {
        this.http = http;
        this.tasks = tasks;
        this.management = management;
        this.runtime = runtime;
    }

    /** Reports a problem as intake1 and returns its case number. */
    String report(String title, String unit, String zone) {
        Map<String, Object> problem = new HashMap<>(Map.of("title", title, "unit", unit, "source", "PUBLIC_REPORT",
                "description", "群众反映：小区出入口无人值守，进出人员未测体温、未登记。",
                "personsInvolved", "社区党支部书记李某", "anonymous", false, "reporterName", "王某",
                "reporterPhone", "13800000000"));
        if (zone != null) {
            problem.put("zone", zone);
        }
        Answer created = http.post("intake1", "/api/cases", problem);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseNumber").asText();
    }

    Task task(String caseNumber, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).singleResult();
    }

    boolean isWaitingAt(String caseNumber, String taskKey) {
        return task(caseNumber, taskKey) != null;
    }

    void complete(String caseNumber, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(caseNumber, taskKey);
        assertThat(task).as(caseNumber + " waits at " + taskKey).isNotNull();
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), variables);
    }

    void triage(String caseNumber, String zone) {
        complete(caseNumber, "triageCase", "intake1", Map.of("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED",
                "severity", "SERIOUS", "zone", zone, "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "属实可能性大，转片区监督检查组初步核实"));
    }

    /** From verification to the leaders' approval of the notice the publicity department drafted. */
    void toNoticeApproval(String caseNumber, String verifier, String noticeTitle, String noticeBody) {
        complete(caseNumber, "verifyCase", verifier, Map.of("substantiated", true,
                "findings", "经核查，该社区出入口连续三日无人值守，未落实测温登记措施。",
                "responsiblePersons", "社区党支部书记李某（直接责任）；街道党工委副书记张某（领导责任）",
                "leadershipResponsible", true));
        complete(caseNumber, "decideAccountability", "review1", Map.of("measure", "DISCIPLINARY_SANCTION",
                "leaderMeasure", "ADMONISHMENT", "typicalCase", true, "decisionReason", "失职失责，造成不良影响"));
        if (isWaitingAt(caseNumber, "approveAccountability")) {
            complete(caseNumber, "approveAccountability", "leader1", Map.of("accountabilityApproved", true));
        }
        complete(caseNumber, "draftNotice", "publicity1", Map.of("noticeTitle", noticeTitle, "noticeBody", noticeBody));
        assertThat(isWaitingAt(caseNumber, "approveNotice")).as(caseNumber + " waits for the leaders").isTrue();
    }

    /** Runs the asynchronous steps after the approval: publishNotice, then closeCase. */
    void runAsyncSteps(String caseNumber) {
        for (String activity : new String[] {"publishNotice", "closeCase"}) {
            String processInstanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .singleResult().getId();
            Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activity)
                    .singleResult();
            assertThat(job).as(caseNumber + " has a job for " + activity).isNotNull();
            management.executeJob(job.getId());
        }
    }
}
