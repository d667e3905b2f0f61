package cn.jiandu.browser;

import static cn.jiandu.support.PersonRows.person;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Moves a case along supervisionCase, version 2, and a bulletin along noticeBulletin, the way the
 * officers would, for the steps a browser test does not show: reported over POST /api/cases, tasks
 * claimed and completed by the user of the right group.
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

    /** Triage, and the leaders' approval of its disposal without which route version 2 goes no further. */
    void triage(String caseNumber, String zone) {
        complete(caseNumber, "triageCase", "intake1", Map.of("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED",
                "severity", "SERIOUS", "zone", zone, "disposal", "PRELIMINARY_VERIFICATION",
                "triageComment", "属实可能性大，转片区监督检查组初步核实"));
        complete(caseNumber, "approveDisposal", "leader1", Map.of("disposalApproved", true));
    }

    /**
     * From verification to the leaders' approval of the accountability decision: the community's party
     * secretary directly responsible, the sub-district's deputy secretary with important leadership
     * responsibility, each with a measure; typical, so that the case is to be named in a bulletin.
     */
    void toAccountabilityApproval(String caseNumber, String verifier) {
        toDecision(caseNumber, verifier);
        decide(caseNumber);
        complete(caseNumber, "hearDefence", "review1", Map.of("defenceRecord", "李某、张某对事实无异议，未提出申辩",
                "defenceChangesDecision", false));
        assertThat(isWaitingAt(caseNumber, "approveAccountability")).as(caseNumber + " waits for the leaders").isTrue();
    }

    /** The team finds two persons accountable; the case waits for the decision on their measures. */
    void toDecision(String caseNumber, String verifier) {
        complete(caseNumber, "verifyCase", verifier, Map.of("verificationOutcome", "ACCOUNTABILITY",
                "findings", "经核查，该社区出入口连续三日无人值守，未落实测温登记措施。",
                "persons", json(List.of(
                        person("李某", "北湖街道幸福社区党支部", "书记", "DIRECT"),
                        person("张某", "北湖街道党工委", "副书记", "IMPORTANT_LEADERSHIP")))));
        assertThat(isWaitingAt(caseNumber, "decideAccountability")).as(caseNumber + " waits for a decision").isTrue();
    }

    /** The case management office decides the measures; the case waits to hear the persons' defence. */
    void decide(String caseNumber) {
        complete(caseNumber, "decideAccountability", "review1", Map.of("persons", json(List.of(
                Map.of("name", "李某", "unit", "北湖街道幸福社区党支部", "measure", "ADMONISHMENT"),
                Map.of("name", "张某", "unit", "北湖街道党工委", "measure", "CRITICISM_EDUCATION"))),
                "typicalCase", true, "decisionReason", "失职失责，造成不良影响"));
        assertThat(isWaitingAt(caseNumber, "hearDefence")).as(caseNumber + " waits for the defence").isTrue();
    }

    /** The team serves the approved decision today. */
    void serve(String caseNumber, String team) {
        complete(caseNumber, "serveDecision", team, Map.of("servedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
    }

    /** A typical case taken to the wait for its bulletin (stage NOTICE): decided, approved and served. */
    void toBulletin(String caseNumber, String zone, String team) {
        triage(caseNumber, zone);
        toAccountabilityApproval(caseNumber, team);
        complete(caseNumber, "approveAccountability", "leader1", Map.of("accountabilityApproved", true));
        serve(caseNumber, team);
        assertThat(isWaitingAt(caseNumber, "serveDecision")).isFalse();
    }

    // ---- the bulletin (process noticeBulletin) that names typical cases ------------------------------------

    /**
     * The publicity department starts a bulletin naming these cases and drafts its text; returns the
     * bulletin's process instance, waiting for the leaders' approval (approveNotice).
     */
    String draftBulletin(String title, String body, String... caseNumbers) {
        Answer started = http.post("publicity1", "/engine-rest/process-definition/key/noticeBulletin/start",
                Map.of("variables", Map.of("caseNumbers", Map.of("value", String.join(",", caseNumbers)),
                        "bulletinTitle", Map.of("value", title))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String bulletin = started.json().get("id").asText();
        Task draft = bulletinTask(bulletin, "draftNotice");
        assertThat(draft).as("the bulletin waits for its text").isNotNull();
        tasks.claim(draft.getId(), "publicity1");
        tasks.complete(draft.getId(), Map.of("bulletinTitle", title, "bulletinBody", body));
        assertThat(bulletinTask(bulletin, "approveNotice")).as("the bulletin waits for the leaders").isNotNull();
        return bulletin;
    }

    Task bulletinTask(String bulletin, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(bulletin).taskDefinitionKey(taskKey).singleResult();
    }

    /**
     * Runs what the job executor would after the leaders' approval: publishBulletin, then closeCase of
     * each case the bulletin named.
     */
    void publish(String bulletin, String... caseNumbers) {
        runJob(bulletin, "publishBulletin");
        for (String caseNumber : caseNumbers) {
            runJob(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .processDefinitionKey("supervisionCase").singleResult().getId(), "closeCase");
        }
    }

    private void runJob(String processInstanceId, String activity) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activity).singleResult();
        assertThat(job).as(processInstanceId + " has a job for " + activity).isNotNull();
        management.executeJob(job.getId());
    }

    /** A dynamic list as Tasklist submits it: a Json variable. */
    private static Object json(List<Map<String, Object>> rows) {
        try {
            return SpinValues.jsonValue(new ObjectMapper().writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
