package cn.jiandu.admin;

import static cn.jiandu.admin.AdminTesting.original;
import static cn.jiandu.admin.AdminTesting.report;
import static cn.jiandu.admin.AdminTesting.withTriageRenamed;
import static cn.jiandu.admin.AdminTesting.withTriageReview;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Running cases move to a new version of their route: a dry run says, step by step, what maps;
 * the migration runs as a batch whose progress can be read; open tasks keep who works on them,
 * when they are due and what was entered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:admin;DB_CLOSE_DELAY=-1"})
class MigrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aDryRunReportsAStepThatHasNoPlaceInTheNewVersion() {
        ProcessDefinition before = deploy(original());
        String waiting = runtimeService.startProcessInstanceById(before.getId(), report("研判中的问题")).getId();
        ProcessDefinition after = deploy(withTriageRenamed());

        JsonNode dryRun = migrate(before, after, List.of(), true);

        assertThat(dryRun.path("ready").asBoolean()).isFalse();
        assertThat(dryRun.path("instanceCount").asInt()).isEqualTo(1);
        JsonNode instance = dryRun.path("instances").get(0);
        assertThat(instance.path("processInstanceId").asText()).isEqualTo(waiting);
        assertThat(instance.path("migratable").asBoolean()).isFalse();
        // Route version 2: the triage task lies in its stage (triageStage, with the stage's deadline), which keeps its place.
        assertThat(step(instance, "triageStage").path("mappable").asBoolean()).isTrue();
        JsonNode step = step(instance, "triageCase");
        assertThat(step.path("activityName").asText()).isEqualTo("分类研判处置");
        assertThat(step.path("mappable").asBoolean()).isFalse();
        assertThat(step.path("problems").get(0).asText()).contains("新版本中没有对应的环节");

        Answer refused = http.post("admin", "/api/admin/migrations", request(before, after, List.of(), false));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("1 个实例有环节无法对应到新版本", "未开始迁移");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waiting).singleResult()
                .getProcessDefinitionId()).isEqualTo(before.getId());

        JsonNode mapped = migrate(before, after, List.of(Map.of("from", "triageCase", "to", "triageProblem")), true);
        assertThat(mapped.path("ready").asBoolean()).isTrue();
        assertThat(step(mapped.path("instances").get(0), "triageCase").path("mapsTo").asText()).isEqualTo("triageProblem");

        JsonNode wrong = migrate(before, after, List.of(Map.of("from", "triageCase", "to", "triageCaseV2")), true);
        assertThat(wrong.path("problems").get(0).asText()).contains("没有环节 triageCaseV2");
    }

    @Test
    void fiftyRunningCasesMoveToTheNewRouteWithTheirOpenTasksIntact() {
        ProcessDefinition before = deploy(original());
        Map<String, Task> tasksBefore = new HashMap<>();
        Date due = Date.from(Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        for (int i = 0; i < 50; i++) {
            String instance = runtimeService.startProcessInstanceById(before.getId(), report("待迁移的问题 " + i)).getId();
            Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
            if (i % 2 == 0) {
                taskService.claim(task.getId(), "intake1");
            }
            task = taskService.createTaskQuery().taskId(task.getId()).singleResult();
            task.setDueDate(due);
            taskService.saveTask(task);
            taskService.setVariableLocal(task.getId(), "triageDraft", "草稿 " + i);
            tasksBefore.put(instance, taskService.createTaskQuery().taskId(task.getId()).singleResult());
        }
        ProcessDefinition after = deploy(withTriageReview());

        JsonNode dryRun = migrate(before, after, List.of(), true);
        assertThat(dryRun.path("instanceCount").asInt()).isEqualTo(50);
        assertThat(dryRun.path("migratableCount").asInt()).isEqualTo(50);
        assertThat(dryRun.path("ready").asBoolean()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(before.getId()).count()).isEqualTo(50);

        Answer started = http.post("admin", "/api/admin/migrations", request(before, after, List.of(), false));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String batchId = started.json().path("batchId").asText();
        JsonNode progress = http.get("admin", "/api/admin/migrations/" + batchId).json();
        assertThat(progress.path("total").asInt()).isEqualTo(50);
        assertThat(progress.path("finished").asBoolean()).isFalse();
        assertThat(progress.path("startedBy").asText()).isEqualTo("admin");

        runBatch(batchId);

        JsonNode done = http.get("admin", "/api/admin/migrations/" + batchId).json();
        assertThat(done.path("finished").asBoolean()).isTrue();
        assertThat(done.path("completed").asInt()).isEqualTo(50);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(after.getId()).count()).isEqualTo(50);
        tasksBefore.forEach((instance, before1) -> {
            Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
            assertThat(task.getId()).isEqualTo(before1.getId());
            assertThat(task.getProcessDefinitionId()).isEqualTo(after.getId());
            assertThat(task.getTaskDefinitionKey()).isEqualTo("triageCase");
            assertThat(task.getAssignee()).isEqualTo(before1.getAssignee());
            assertThat(task.getDueDate()).isEqualTo(due);
            assertThat(taskService.getVariableLocal(task.getId(), "triageDraft")).isEqualTo(taskService.getVariableLocal(before1.getId(), "triageDraft"));
            assertThat(runtimeService.getVariable(instance, "caseNumber")).isNotNull();
            assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(link -> "case-management".equals(link.getGroupId()));
        });

        String someCase = tasksBefore.keySet().iterator().next();
        taskService.complete(tasksBefore.get(someCase).getId(), Map.of("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "MINOR", "zone", "NORTH", "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "转核实"));
        assertThat(taskService.createTaskQuery().processInstanceId(someCase).singleResult().getTaskDefinitionKey())
                .isEqualTo("reviewTriage");
    }

    @Test
    void aMigrationThatFailsForOneCaseSaysWhichAndWhy() {
        ProcessDefinition before = deploy(original());
        String kept = runtimeService.startProcessInstanceById(before.getId(), report("照常迁移的问题")).getId();
        String withdrawn = runtimeService.startProcessInstanceById(before.getId(), report("迁移前撤销的问题")).getId();
        ProcessDefinition after = deploy(withTriageReview());
        String batchId = http.post("admin", "/api/admin/migrations", request(before, after, List.of(), false))
                .json().path("batchId").asText();
        runtimeService.deleteProcessInstance(withdrawn, "撤销");

        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        executeAll(batch.getSeedJobDefinitionId());
        for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException failed) {
                // the job executor would record the failure and retry later, as the engine has now done
            }
        }

        JsonNode progress = http.get("admin", "/api/admin/migrations/" + batchId).json();
        assertThat(progress.path("finished").asBoolean()).isFalse();
        assertThat(progress.path("total").asInt()).isEqualTo(2);
        assertThat(progress.path("remaining").asInt()).isEqualTo(1);
        JsonNode failure = progress.path("failures").get(0);
        assertThat(failure.path("message").asText()).contains(withdrawn);
        assertThat(failure.path("retriesLeft").asInt()).isEqualTo(2);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(kept).singleResult()
                .getProcessDefinitionId()).isEqualTo(after.getId());
    }

    @Test
    void migrationIsForAdministratorsOnly() {
        Answer refused = http.post("north1", "/api/admin/migrations",
                Map.of("processKey", "supervisionCase", "fromVersion", 1, "dryRun", true));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.get("north1", "/admin/migrations").status()).isEqualTo(403);
        assertThat(http.get("leader1", "/api/admin/migrations").status()).isEqualTo(403);
    }

    @Test
    void theAdministratorsPageListsVersionsWithRunningCasesAndOffersTheDryRun() {
        ProcessDefinition before = deploy(original());
        runtimeService.startProcessInstanceById(before.getId(), report("页面上的问题"));
        deploy(withTriageReview());

        Answer page = http.get("admin", "/admin/migrations");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("流程版本迁移", "试运行", "开始迁移", "疫情防控监督问题办理",
                "第 " + before.getVersion() + " 版", "/api/admin/migrations", "导出模型");
        assertThat(page.body()).doesNotContain("http://", "https://");
    }

    @Test
    void aRequestWithoutAVersionIsToldWhatIsMissing() {
        Answer refused = http.post("admin", "/api/admin/migrations", Map.of("processKey", "supervisionCase"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("fromVersion");
        Answer unknown = http.post("admin", "/api/admin/migrations", Map.of("processKey", "supervisionCase", "fromVersion", 999));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asText()).contains("没有第 999 版");
    }

    private static JsonNode step(JsonNode instance, String activityId) {
        for (JsonNode step : instance.path("steps")) {
            if (activityId.equals(step.path("activityId").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + activityId + " in " + instance);
    }

    private ProcessDefinition deploy(String model) {
        String deployment = repositoryService.createDeployment().name("migration-test")
                .addString("supervision-case.bpmn", model).deploy().getId();
        return repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    private JsonNode migrate(ProcessDefinition from, ProcessDefinition to, List<Map<String, String>> mappings, boolean dryRun) {
        Answer answer = http.post("admin", "/api/admin/migrations", request(from, to, mappings, dryRun));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static Map<String, Object> request(ProcessDefinition from, ProcessDefinition to,
            List<Map<String, String>> mappings, boolean dryRun) {
        return Map.of("processKey", "supervisionCase", "fromVersion", from.getVersion(), "toVersion", to.getVersion(),
                "mappings", mappings, "dryRun", dryRun);
    }

    /** What the job executor would do: the seed job, every migration job, then the monitor job. */
    private void runBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        executeAll(batch.getSeedJobDefinitionId());
        executeAll(batch.getBatchJobDefinitionId());
        executeAll(batch.getMonitorJobDefinitionId());
    }

    private void executeAll(String jobDefinitionId) {
        List<Job> jobs = new ArrayList<>(managementService.createJobQuery().jobDefinitionId(jobDefinitionId).list());
        jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
}
