package cn.jiandu.inspections;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiandu.cases.CaseRecord;
import cn.jiandu.cases.CaseRepository;
import cn.jiandu.support.ProcessTestContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every route of processes/supervision-inspection.bpmn, driven as Tasklist drives it: a team member
 * plans from the start form, the zone's team records what it found, the problems become cases.
 */
@ProcessTestContext
class SupervisionInspectionProcessTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    InspectionRepository inspections;
    @Autowired
    CaseRepository cases;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void engineForAssertions() {
        AbstractAssertions.init(engine);
    }

    @Test
    void anInspectionWithoutProblemsIsRecordedToo() {
        LocalDate planned = LocalDate.now(SHANGHAI).plusDays(2);
        ProcessInstance inspection = plan("north1", Map.of("zone", "NORTH", "plannedDate", planned.toString()));

        assertThat(inspection).isWaitingAt("recordInspection").hasPassed("registerInspection");
        long id = inspectionId(inspection);
        Assertions.assertThat(inspection.getBusinessKey()).isEqualTo(Inspection.number(id)).matches("JC-\\d{6}");
        Task record = task("recordInspection", inspection);
        assertThat(record).hasCandidateGroup("team-north");
        Assertions.assertThat(record.getDueDate().toInstant())
                .isEqualTo(planned.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
        Inspection stored = inspections.find(id).orElseThrow();
        Assertions.assertThat(stored.status()).isEqualTo("PLANNED");
        Assertions.assertThat(stored.plannedBy()).isEqualTo("north1");
        Assertions.assertThat(stored.channel()).isEqualTo("REMOTE_VIDEO");

        complete("north1", record, Map.of("inspectedOn", LocalDate.now(SHANGHAI).toString(),
                "inspectionSummary", "远程视频检查卡口值守、体温检测和出入登记，均落实到位", "problemsFound", false));

        assertThat(inspection).isEnded().hasPassed("inspectionClosedWithoutProblems")
                .hasNotPassed("reportInspectionFindings");
        stored = inspections.find(id).orElseThrow();
        Assertions.assertThat(stored.status()).isEqualTo("CARRIED_OUT");
        Assertions.assertThat(stored.problemCount()).isZero();
        Assertions.assertThat(stored.recordedBy()).isEqualTo("north1");
        Assertions.assertThat(inspections.findings(id)).isEmpty();
    }

    @Test
    void everyProblemFoundBecomesACaseFromInspectionLinkedBackToIt() {
        ProcessInstance inspection = plan("south1", Map.of("zone", "SOUTH", "inspectionMode", "UNANNOUNCED",
                "inspectionChannel", "ON_SITE"));
        Task record = task("recordInspection", inspection);
        assertThat(record).hasCandidateGroup("team-south");

        // Tasklist submits a dynamic list as a variable of type Json.
        complete("south1", record, Map.of("inspectedOn", LocalDate.now(SHANGHAI).toString(),
                "inspectionSummary", "暗访城南农贸市场，发现两处问题", "problemsFound", true,
                "findings", Spin.JSON("""
                        [{"problemType": "INEFFECTIVE_PREVENTION", "description": "入口未测体温、未查验健康码", "handling": "CASE",
                          "unit": "", "personsInvolved": "市场管理员赵某"},
                         {"problemType": "FORMALISM_BUREAUCRATISM", "description": "消毒台账事后补记", "handling": "CASE",
                          "unit": "城南农贸市场管理办公室"}]""")));

        assertThat(inspection).isWaitingAt("reportInspectionFindings");
        execute(job("reportInspectionFindings", inspection));

        assertThat(inspection).isEnded().hasPassedInOrder("recordInspection", "reportInspectionFindings",
                "inspectionClosedWithCases");
        long id = inspectionId(inspection);
        List<Inspection.Finding> findings = inspections.findings(id);
        Assertions.assertThat(findings).hasSize(2).allSatisfy(f -> Assertions.assertThat(f.caseNumber()).isNotNull());
        Assertions.assertThat(inspections.find(id).orElseThrow().problemCount()).isEqualTo(2);

        CaseRecord first = cases.findByNumber(findings.get(0).caseNumber()).orElseThrow();
        Assertions.assertThat(first.source()).isEqualTo("INSPECTION");
        Assertions.assertThat(first.zone()).isEqualTo("SOUTH");
        Assertions.assertThat(first.problemType()).isEqualTo("INEFFECTIVE_PREVENTION");
        Assertions.assertThat(first.unit()).isEqualTo("城南农贸市场");
        Assertions.assertThat(first.personsInvolved()).isEqualTo("市场管理员赵某");
        Assertions.assertThat(first.reportedBy()).isEqualTo("south1");
        Assertions.assertThat(first.stage()).isEqualTo("TRIAGE");
        Assertions.assertThat(first.title()).isEqualTo("暗访发现：城南农贸市场，防控不力");
        Assertions.assertThat(first.description()).startsWith("入口未测体温").contains(Inspection.number(id));
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("supervisionCase")
                .variableValueEquals("inspectionId", id).count()).isEqualTo(2);

        CaseRecord second = cases.findByNumber(findings.get(1).caseNumber()).orElseThrow();
        Assertions.assertThat(second.unit()).isEqualTo("城南农贸市场管理办公室");
        Assertions.assertThat(second.problemType()).isEqualTo("FORMALISM_BUREAUCRATISM");
        assertThat(inspection).variables().containsEntry("caseNumbers",
                first.caseNumber() + "," + second.caseNumber());
    }

    @Test
    void findingsSentAsJsonTextByAProgramAreAcceptedToo() {
        ProcessInstance inspection = plan("north1", Map.of());
        complete("north1", task("recordInspection", inspection), Map.of("inspectedOn", LocalDate.now(SHANGHAI).toString(),
                "inspectionSummary", "检查社区", "problemsFound", true,
                "findings", "[{\"problemType\": \"BUCK_PASSING\", \"description\": \"推诿群众求助\", \"handling\": \"CASE\"}]"));
        execute(job("reportInspectionFindings", inspection));

        Inspection.Finding finding = inspections.findings(inspectionId(inspection)).get(0);
        Assertions.assertThat(finding.unit()).isEqualTo("城南农贸市场");
        Assertions.assertThat(cases.findByNumber(finding.caseNumber()).orElseThrow().problemType())
                .isEqualTo("BUCK_PASSING");
    }

    @Test
    void aFocusedInspectionNeedsItsFocusAndAPlanItsChoices() {
        Map<String, Object> focused = new HashMap<>(planVariables(Map.of("inspectionScope", "FOCUSED")));
        focused.remove("inspectionFocus");
        Assertions.assertThat(refusal(() -> runtimeService.startProcessInstanceByKey("supervisionInspection", focused)))
                .hasMessageContaining("inspectionFocus");
        Assertions.assertThat(refusal(() -> runtimeService.startProcessInstanceByKey("supervisionInspection",
                planVariables(Map.of("inspectionChannel", "TELEPATHY"))))).hasMessageContaining("REMOTE_VIDEO（远程视频检查）");
        Assertions.assertThat(refusal(() -> runtimeService.startProcessInstanceByKey("supervisionInspection",
                planVariables(Map.of("plannedDate", "下周一"))))).hasMessageContaining("plannedDate");
    }

    @Test
    void aRecordThatContradictsItselfIsRefusedWithAMessageTheOfficerCanActOn() {
        ProcessInstance inspection = plan("north1", Map.of());
        Task record = task("recordInspection", inspection);
        String today = LocalDate.now(SHANGHAI).toString();

        Assertions.assertThat(refusal(() -> complete("north1", record, Map.of("inspectedOn", today,
                "inspectionSummary", "发现问题", "problemsFound", true)))).hasMessageContaining("至少填写一条问题");
        Assertions.assertThat(refusal(() -> complete("north1", record, Map.of("inspectedOn", today,
                "inspectionSummary", "发现问题", "problemsFound", true,
                "findings", Spin.JSON("[{\"problemType\": \"OTHER\", \"description\": \"\"}]")))))
                .hasMessageContaining("问题清单第 1 条").hasMessageContaining("description");
        Assertions.assertThat(refusal(() -> complete("north1", record, Map.of("inspectedOn", today,
                "inspectionSummary", "未发现问题", "problemsFound", false,
                "findings", Spin.JSON("[{\"problemType\": \"OTHER\", \"description\": \"某问题\", \"handling\": \"CASE\"}]")))))
                .hasMessageContaining("problemsFound");
        Assertions.assertThat(refusal(() -> complete("north1", record, Map.of(
                "inspectedOn", LocalDate.now(SHANGHAI).plusDays(1).toString(), "inspectionSummary", "预先记录"))))
                .hasMessageContaining("不能晚于今天");
        Assertions.assertThat(refusal(() -> complete("north1", record, Map.of("inspectedOn", today,
                "inspectionSummary", "问题", "problemsFound", true, "findings", "不是 JSON"))))
                .hasMessageContaining("JSON 数组");

        assertThat(inspection).isWaitingAt("recordInspection");
        Assertions.assertThat(inspections.find(inspectionId(inspection)).orElseThrow().status()).isEqualTo("PLANNED");
    }

    // ---- the story's steps ------------------------------------------------------------------------

    private ProcessInstance plan(String user, Map<String, Object> choices) {
        identityService.setAuthentication(user, List.of(user.startsWith("south") ? "team-south" : "team-north"));
        try {
            return runtimeService.startProcessInstanceByKey("supervisionInspection", planVariables(choices));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, Object> planVariables(Map<String, Object> choices) {
        Map<String, Object> plan = new HashMap<>(Map.of("unit", "城南农贸市场", "unitKind", "MARKET", "zone", "NORTH",
                "inspectionMode", "OPEN", "inspectionScope", "FOCUSED", "inspectionChannel", "REMOTE_VIDEO",
                "inspectionFocus", "入口测温、健康码查验、消毒记录",
                "plannedDate", LocalDate.now(SHANGHAI).toString()));
        plan.putAll(choices);
        return plan;
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(user.startsWith("south") ? "team-south" : "team-north"));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private long inspectionId(ProcessInstance inspection) {
        return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(inspection.getId()).variableName("inspectionId").singleResult().getValue())
                .longValue();
    }

    private static Throwable refusal(org.junit.jupiter.api.function.Executable action) {
        Throwable cause = assertThrows(Exception.class, action);
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        Assertions.assertThat(cause).isInstanceOf(FormFieldValidationException.class);
        return cause;
    }
}
