package cn.jiandu.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiandu.cases.CaseEvents;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.support.PersonRows;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where rectifications come from: an inspection's minor findings (on the spot, within days; a repeat within a
 * year opens a case), a served decision (once per case) and an exempted case's corrective measures. What the
 * rectification then goes through is RectificationProcessTest's story.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:rectification-sources;DB_CLOSE_DELAY=-1"})
class RectificationSourcesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RectificationQueries queries;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    // ---- inspection findings --------------------------------------------------------------------------

    @Test
    void oneInspectionOpensACaseRectifiesOneProblemOnTheSpotAndGivesAnotherSevenDays() {
        String unit = "东风社区" + System.nanoTime();
        long inspection = inspect("north1", unit, finding("INEFFECTIVE_PREVENTION", "卡口无人值守", "CASE", null),
                finding("FORMALISM_BUREAUCRATISM", "测温登记表字迹雷同", "ON_SPOT", null),
                finding("RESPONSIBILITY_NOT_IMPLEMENTED", "隔离点消毒记录缺失", "WITHIN_DAYS", "DAYS_7"));

        List<Map<String, Object>> findings = findings(inspection);
        assertThat(findings.get(0)).containsEntry("HANDLING", "CASE");
        assertThat(findings.get(0).get("CASE_NUMBER")).isNotNull();
        assertThat(findings.get(0).get("RECTIFICATION_NUMBER")).isNull();
        assertThat(findings.get(1).get("CASE_NUMBER")).isNull();
        assertThat(findings.get(2)).containsEntry("RECTIFY_DAYS", 7);

        RectificationView onSpot = view((String) findings.get(1).get("RECTIFICATION_NUMBER"));
        assertThat(onSpot.origin()).isEqualTo(RectificationOrigin.INSPECTION);
        assertThat(onSpot.onSpot()).isTrue();
        assertThat(onSpot.state()).isEqualTo(RectificationState.COMPLETED);
        assertThat(onSpot.caseNumber()).isNull();
        assertThat(onSpot.inspectionId()).isEqualTo(inspection);
        assertThat(onSpot.zone()).isEqualTo("NORTH");
        assertThat(onSpot.unit()).isEqualTo(unit);
        assertThat(onSpot.unitKind()).isEqualTo("COMMUNITY");
        assertThat(onSpot.problemType()).isEqualTo("FORMALISM_BUREAUCRATISM");
        assertThat(onSpot.summary()).startsWith("测温登记表字迹雷同");
        assertThat(onSpot.reportedOn()).isEqualTo(LocalDate.now(SHANGHAI));

        String withinDays = (String) findings.get(2).get("RECTIFICATION_NUMBER");
        RectificationView started = view(withinDays);
        assertThat(started.state()).isEqualTo(RectificationState.NOTICE_PENDING);
        assertThat(started.onSpot()).isFalse();
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(withinDays)
                .processDefinitionKey(RectificationProcess.PROCESS_KEY).singleResult();
        assertThat(jdbc.queryForObject("SELECT deadline_days FROM jd_rectification WHERE rectification_number = ?",
                Integer.class, withinDays)).isEqualTo(7);
        assertThat(runtime.getVariable(process.getId(), "origin")).isEqualTo("INSPECTION");
    }

    @Test
    void theSameProblemOfTheSameUnitFoundAgainWithinAYearOpensACaseWhateverTheTeamChose() {
        String unit = "城北农贸市场" + System.nanoTime();
        inspect("north1", unit, finding("INEFFECTIVE_PREVENTION", "入口未测温", "ON_SPOT", null));

        long again = inspect("north1", unit, finding("INEFFECTIVE_PREVENTION", "入口仍未测温", "WITHIN_DAYS", "DAYS_3"),
                finding("BUCK_PASSING", "值班人员推诿", "ON_SPOT", null));

        List<Map<String, Object>> findings = findings(again);
        assertThat(findings.get(0)).containsEntry("HANDLING", "CASE")
                .containsEntry("HANDLING_NOTE", "一年内同类问题再次发现，依规立案");
        assertThat(findings.get(0).get("CASE_NUMBER")).isNotNull();
        assertThat(findings.get(0).get("RECTIFICATION_NUMBER")).isNull();
        assertThat(findings.get(1)).containsEntry("HANDLING", "ON_SPOT");
        assertThat(findings.get(1).get("HANDLING_NOTE")).isNull();
        assertThat(findings.get(1).get("RECTIFICATION_NUMBER")).isNotNull();
    }

    @Test
    void aFindingWithoutHandlingOrWithoutDaysIsRefusedWithAMessageTheOfficerCanActOn() {
        ProcessInstance inspection = plan("north1", "西湖社区" + System.nanoTime());
        Task record = tasks.createTaskQuery().processInstanceId(inspection.getId()).singleResult();

        assertThat(refusal(record, finding("OTHER", "问题", null, null))).contains("问题清单第 1 条")
                .contains("handling").contains("ON_SPOT（当场整改）");
        assertThat(refusal(record, finding("OTHER", "问题", "WITHIN_DAYS", null))).contains("rectifyDays")
                .contains("DAYS_7（7日内）");
        assertThat(jdbc.queryForObject("SELECT status FROM jd_inspection WHERE process_instance_id = ?", String.class,
                inspection.getId())).isEqualTo("PLANNED");
    }

    @Test
    void whatJiandusRecordsOfAFindingIsNeverTakenFromTheOfficer() {
        String unit = "南门社区" + System.nanoTime();
        Map<String, Object> forged = finding("OTHER", "垃圾清运不及时", "ON_SPOT", null);
        forged.putAll(Map.of("handlingNote", "无需立案", "rectificationNumber", "ZG-2026-99999",
                "caseNumber", "JD-2026-99999", "rectifyDays", "DAYS_30"));
        long inspection = inspect("north1", unit, forged);

        Map<String, Object> stored = findings(inspection).get(0);
        assertThat(stored.get("HANDLING_NOTE")).isNull();
        assertThat(stored.get("CASE_NUMBER")).isNull();
        assertThat(stored.get("RECTIFY_DAYS")).as("days belong to WITHIN_DAYS only").isNull();
        assertThat((String) stored.get("RECTIFICATION_NUMBER")).isNotEqualTo("ZG-2026-99999").matches("ZG-\\d{4}-\\d{5}");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_rectification WHERE rectification_number = 'ZG-2026-99999'",
                Integer.class)).isZero();
    }

    // ---- cases ------------------------------------------------------------------------------------------

    @Test
    void aServedDecisionStartsTheUnitsRectificationOnceEvenWhenServedAgain() {
        ProcessInstance problem = atService("NORTH");
        String caseNumber = caseNumberOf(problem);
        assertThat(queries.ofCase(caseNumber)).isEmpty();

        complete("north1", "team-north", task(problem, "serveDecision"),
                Map.of("servedOn", LocalDate.now(SHANGHAI).toString()));

        List<RectificationView> rectifications = queries.ofCase(caseNumber);
        assertThat(rectifications).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(RectificationOrigin.DECISION);
            assertThat(r.zone()).isEqualTo("NORTH");
            assertThat(r.unit()).isEqualTo("北湖街道幸福社区");
            assertThat(r.problemType()).isEqualTo("RESPONSIBILITY_NOT_IMPLEMENTED");
            assertThat(r.summary()).isEqualTo("幸福社区未落实封闭管理：经核实，出入口连续三日无人值守");
            assertThat(r.state()).isEqualTo(RectificationState.NOTICE_PENDING);
        });
        assertThat(jdbc.queryForObject("SELECT created_by FROM jd_rectification WHERE case_number = ?", String.class,
                caseNumber)).isEqualTo("north1");

        transaction.executeWithoutResult(s -> events.publishEvent(new CaseEvents.DecisionServed(caseNumber, "north1")));
        assertThat(queries.ofCase(caseNumber)).as("served again after an appeal").hasSize(1);
    }

    @Test
    void anExemptedCaseWithCorrectiveMeasuresStartsTheirRectification() {
        ProcessInstance problem = atVerification("SOUTH");
        Map<String, Object> verified = new HashMap<>(Map.of("verificationOutcome", "ACCOUNTABILITY",
                "findings", "防控物资调配程序不全", "persons", persons(), "emergencyAction", true));
        complete("south1", "team-south", task(problem, "verifyCase"), verified);
        Map<String, Object> review = new HashMap<>(Map.of("faultToleranceOutcome", "EXEMPT",
                "faultToleranceReason", "急事急办，符合容错情形", "correctiveMeasures", "补办调配审批手续，完善物资台账"));
        for (String criterion : List.of("ftPublicInterest", "ftWithinProcedure", "ftNoPersonalGain",
                "ftNoProhibitionBroken", "ftLossRemedied")) {
            review.put(criterion, true);
        }
        complete("review1", "case-review", task(problem, "reviewFaultTolerance"), review);
        complete("leader1", "leaders", task(problem, "approveFaultTolerance"), Map.of("faultToleranceApproved", true));
        runJob(problem, "closeCase");

        assertThat(queries.ofCase(caseNumberOf(problem))).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(RectificationOrigin.EXEMPTION);
            assertThat(r.zone()).isEqualTo("SOUTH");
            assertThat(r.summary()).isEqualTo("补办调配审批手续，完善物资台账");
        });
        assertThat(jdbc.queryForObject("SELECT created_by FROM jd_rectification WHERE case_number = ?", String.class,
                caseNumberOf(problem))).isEqualTo("leader1");
    }

    // ---- the story's steps ------------------------------------------------------------------------------

    @SafeVarargs
    private long inspect(String user, String unit, Map<String, Object>... findings) {
        ProcessInstance inspection = plan(user, unit);
        Task record = tasks.createTaskQuery().processInstanceId(inspection.getId()).singleResult();
        complete(user, "team-north", record, Map.of("inspectedOn", LocalDate.now(SHANGHAI).toString(),
                "inspectionSummary", "检查卡口、测温和台账", "problemsFound", true, "findings", json(List.of(findings))));
        runJob(inspection, "reportInspectionFindings");
        return jdbc.queryForObject("SELECT id FROM jd_inspection WHERE process_instance_id = ?", Long.class,
                inspection.getId());
    }

    private ProcessInstance plan(String user, String unit) {
        identity.setAuthentication(user, List.of("team-north"));
        try {
            return runtime.startProcessInstanceByKey("supervisionInspection", Map.of("unit", unit,
                    "unitKind", "COMMUNITY", "zone", "NORTH", "inspectionMode", "OPEN",
                    "inspectionScope", "COMPREHENSIVE", "inspectionChannel", "ON_SITE",
                    "plannedDate", LocalDate.now(SHANGHAI).toString()));
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Map<String, Object> finding(String type, String description, String handling, String days) {
        Map<String, Object> finding = new HashMap<>(Map.of("problemType", type, "description", description));
        if (handling != null) {
            finding.put("handling", handling);
        }
        if (days != null) {
            finding.put("rectifyDays", days);
        }
        return finding;
    }

    private String refusal(Task record, Map<String, Object> finding) {
        Exception refused = assertThrows(Exception.class, () -> complete("north1", "team-north", record,
                Map.of("inspectedOn", LocalDate.now(SHANGHAI).toString(), "inspectionSummary", "检查",
                        "problemsFound", true, "findings", json(List.of(finding)))));
        Throwable cause = refused;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(FormFieldValidationException.class);
        return cause.getMessage();
    }

    private List<Map<String, Object>> findings(long inspection) {
        return jdbc.queryForList("""
                SELECT handling, rectify_days, handling_note, case_number, rectification_number
                FROM jd_inspection_finding WHERE inspection_id = ? ORDER BY position""", inspection);
    }

    /** A rectification as the commission's leaders read it. */
    private RectificationView view(String number) {
        return queries.find(new CurrentUser("leader1", List.of("leaders")), number).orElseThrow();
    }

    private ProcessInstance atVerification(String zone) {
        ProcessInstance problem = runtime.startProcessInstanceByKey("supervisionCase", Map.of(
                "title", "幸福社区未落实封闭管理", "description", "小区出入口无人值守", "source", "PUBLIC_REPORT",
                "unit", "北湖街道幸福社区", "personsInvolved", "社区主任张伟", "anonymous", true, "zone", zone));
        complete("intake1", "case-management", task(problem, "triageCase"), Map.of(
                "problemType", "RESPONSIBILITY_NOT_IMPLEMENTED", "severity", "MINOR", "zone", zone,
                "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "初步核实"));
        complete("leader1", "leaders", task(problem, "approveDisposal"), Map.of("disposalApproved", true));
        return problem;
    }

    private ProcessInstance atService(String zone) {
        ProcessInstance problem = atVerification(zone);
        complete("north1", "team-north", task(problem, "verifyCase"), Map.of("verificationOutcome", "ACCOUNTABILITY",
                "findings", "经核实，出入口连续三日无人值守", "persons", persons()));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> row = new HashMap<>(PersonRows.person("张伟", "北湖街道幸福社区居委会", "主任", "DIRECT"));
        row.put("measure", "CRITICISM_EDUCATION");
        rows.add(row);
        complete("review1", "case-review", task(problem, "decideAccountability"), Map.of("persons", json(rows),
                "typicalCase", false, "decisionReason", "批评教育"));
        complete("review1", "case-review", task(problem, "hearDefence"), Map.of("defenceRecord", "无异议",
                "defenceChangesDecision", false));
        Task next = tasks.createTaskQuery().processInstanceId(problem.getId()).singleResult();
        if ("approveAccountability".equals(next.getTaskDefinitionKey())) {
            complete("leader1", "leaders", next, Map.of("accountabilityApproved", true));
        }
        assertThat(tasks.createTaskQuery().processInstanceId(problem.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("serveDecision");
        return problem;
    }

    private Object persons() {
        return json(List.of(PersonRows.person("张伟", "北湖街道幸福社区居委会", "主任", "DIRECT")));
    }

    private Task task(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    private void complete(String user, String group, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void runJob(ProcessInstance instance, String activity) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
        management.executeJob(job.getId());
    }

    private String caseNumberOf(ProcessInstance problem) {
        return jdbc.queryForObject("SELECT case_number FROM jd_case WHERE process_instance_id = ?", String.class,
                problem.getId());
    }

    private static Object json(Object rows) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
