package cn.jiandu.cases;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import java.io.InputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Route version 1 (src/test/resources/legacy/supervision-case-1.0.bpmn, camunda:versionTag 1.0) still
 * runs: the cases started on it before version 2 was deployed finish on it. Every route of version 1,
 * driven as Tasklist would drive it, on instances started on the version 1 definition by its id; timers
 * and asynchronous steps fired by hand. This database is the class's own, so deploying version 1 on top
 * of the application's version 2 touches no other test. No coverage is asserted here: the legacy model
 * is proven route by route, and version 2's coverage is RouteVersion2ProcessTest's.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:supervision-case-process;DB_CLOSE_DELAY=-1"})
class SupervisionCaseProcessTest {

    static final String LEGACY_MODEL = "legacy/supervision-case-1.0.bpmn";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    CaseRepository cases;
    @Autowired
    ReporterSeal seal;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RepositoryService repositoryService;

    /** The version 1 definition, deployed once into this class's database. */
    String version1;

    @BeforeEach
    void engineForAssertionsAndVersion1() {
        AbstractAssertions.init(engine);
        repositoryService.createDeployment().name("supervision-case-1.0").enableDuplicateFiltering(true)
                .addClasspathResource(LEGACY_MODEL).deploy();
        version1 = repositoryService.createProcessDefinitionQuery().processDefinitionKey("supervisionCase")
                .versionTag(SupervisionCaseProcess.VERSION_1).orderByProcessDefinitionVersion().desc().list().get(0)
                .getId();
    }

    // ---- version 2 deployed while a version 1 case runs --------------------------------------------

    @Test
    void aCaseStartedOnVersion1FinishesOnItAfterVersion2IsDeployedAndANewCaseStartsOnVersion2() throws Exception {
        ProcessInstance running = report("NORTH");
        triage(running, "PRELIMINARY_VERIFICATION");
        assertThat(running).isWaitingAt("verifyCase");

        try (InputStream model = new ClassPathResource("processes/supervision-case.bpmn").getInputStream()) {
            repositoryService.createDeployment().name("route-version-2")
                    .addInputStream("processes/supervision-case.bpmn", model).deploy();
        }
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("supervisionCase").latestVersion().singleResult();
        Assertions.assertThat(latest.getVersionTag()).isEqualTo(SupervisionCaseProcess.VERSION_2);

        complete(task("verifyCase", running), withVariables("substantiated", false, "findings", "经核查不属实"));
        closeAsync(running);
        assertThat(running).isEnded().hasPassedInOrder("triageCase", "verifyCase", "closeCase")
                .hasNotPassed("approveDisposal");
        Assertions.assertThat(running.getProcessDefinitionId()).isEqualTo(version1);
        Assertions.assertThat(record(running).outcome()).isEqualTo("UNSUBSTANTIATED");

        ProcessInstance next = runtimeService.startProcessInstanceByKey("supervisionCase", withVariables(
                "title", "某菜市场未落实扫码测温", "description", "入口无人查验", "source", "HOTLINE",
                "unit", "城南农贸市场", "personsInvolved", "市场负责人", "anonymous", true, "zone", "SOUTH"));
        Assertions.assertThat(next.getProcessDefinitionId()).isEqualTo(latest.getId());
        complete(task("triageCase", next), withVariables("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "MINOR", "zone", "SOUTH", "disposal", "CLOSE", "triageComment", "予以了结"));
        assertThat(next).isWaitingAt("approveDisposal");
    }

    // ---- triage -------------------------------------------------------------------------------

    @Test
    void aProblemClosedAtTriageIsClosedWithTheReporterTold() {
        ProcessInstance problem = report("NORTH");
        String caseNumber = caseNumberOf(problem);
        Assertions.assertThat(caseNumber).matches("JD-\\d{4}-\\d{5}");
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count())
                .isEqualTo(1);
        Assertions.assertThat(runtimeService.getVariables(problem.getId())).doesNotContainKeys("reporterName",
                "reporterPhone", "reporterEmail");
        Assertions.assertThat(seal.open(caseNumber, record(problem).reporterIdentity()).name()).isEqualTo("王某");

        triage(problem, "CLOSE");
        closeAsync(problem);

        assertThat(problem).hasPassedInOrder("registerCase", "triageCase", "closeCase").isEnded();
        assertThat(problem).hasNotPassed("verifyCase", "inquireCase");
        Assertions.assertThat(record(problem).stage()).isEqualTo("CLOSED");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("CLOSED_AT_TRIAGE");
        // The reporter's address is kept only sealed (mail/AddressSeal).
        Assertions.assertThat(mailsOf(caseNumber, "CASE_OUTCOME")).containsExactly("举报人（已加密）");
    }

    @Test
    void aHeldProblemWaitsThenComesBackToTriage() {
        ProcessInstance problem = report("NORTH");
        triage(problem, "HOLD");

        assertThat(problem).isWaitingAt("caseOnHold");
        Assertions.assertThat(record(problem).stage()).isEqualTo("ON_HOLD");
        execute(job("caseOnHold", problem));

        assertThat(problem).isWaitingAt("triageCase");
        assertThat(problem).variables().containsEntry("holdCount", 1);
        Assertions.assertThat(record(problem).stage()).isEqualTo("TRIAGE");
    }

    @Test
    void triageWithoutADisposalIsRefusedWithAMessage() {
        ProcessInstance problem = report("NORTH");
        Task triage = task("triageCase", problem);
        Exception refused = assertThrows(Exception.class,
                () -> taskService.complete(triage.getId(), Map.of("problemType", "INEFFECTIVE_PREVENTION",
                        "severity", "MINOR", "zone", "NORTH", "triageComment", "缺少处置方式")));
        Assertions.assertThat(rootCause(refused)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("disposal");
        assertThat(problem).isWaitingAt("triageCase");
    }

    @Test
    void aSecondReportOfTheSameUnitAndProblemIsFlaggedAsAPossibleDuplicate() {
        ProcessInstance first = report("NORTH");
        ProcessInstance second = report("NORTH");
        assertThat(second).variables().containsEntry("possibleDuplicateOf", caseNumberOf(first));
    }

    // ---- inquiry --------------------------------------------------------------------------------

    @Test
    void aSatisfactoryInquiryClosesTheCase() {
        ProcessInstance problem = report("SOUTH");
        triage(problem, "TALK_OR_LETTER_INQUIRY");

        assertThat(problem).isWaitingAt("inquireCase");
        assertThat(task("inquireCase", problem)).hasCandidateGroup("team-south");
        complete(task("inquireCase", problem), withVariables("inquirySatisfactory", true, "inquiryRecord", "已说明"));
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("verifyCase");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("INQUIRY_SATISFACTORY");
    }

    @Test
    void anUnsatisfactoryInquiryGoesToVerificationAndAnUnsubstantiatedCaseCloses() {
        ProcessInstance problem = report("NORTH");
        triage(problem, "TALK_OR_LETTER_INQUIRY");
        complete(task("inquireCase", problem), withVariables("inquirySatisfactory", false, "inquiryRecord", "说明不清"));

        assertThat(problem).isWaitingAt("verifyCase");
        assertThat(task("verifyCase", problem)).hasCandidateGroup("team-north").hasDueDate(
                Date.from(((Date) runtimeService.getVariable(problem.getId(), "verifyDueDate")).toInstant()));
        Assertions.assertThat(record(problem).stage()).isEqualTo("VERIFICATION");
        complete(task("verifyCase", problem), withVariables("substantiated", false, "findings", "经核查不属实"));
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("recommendAccountability");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("UNSUBSTANTIATED");
    }

    // ---- accountability -------------------------------------------------------------------------

    @Test
    void aMinorProblemGetsTheRecommendedMeasureWithoutLeaderApproval() {
        ProcessInstance problem = verified("NORTH", "BUCK_PASSING", "MINOR", Map.of());

        assertThat(problem).isWaitingAt("decideAccountability");
        assertThat(problem).variables().containsEntry("recommendedMeasure", "CRITICISM_EDUCATION")
                .containsEntry("leaderApprovalRequired", false);
        Assertions.assertThat(record(problem).stage()).isEqualTo("DECISION");
        decide(problem, "CRITICISM_EDUCATION", false);
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("approveAccountability", "reviewFaultTolerance", "draftNotice");
        CaseRecord record = record(problem);
        Assertions.assertThat(record.outcome()).isEqualTo("ACCOUNTABILITY");
        Assertions.assertThat(record.measure()).isEqualTo("CRITICISM_EDUCATION");
        Assertions.assertThat(record.recommendedMeasure()).isEqualTo("CRITICISM_EDUCATION");
    }

    @Test
    void leadersReturnAnAdmonishmentWithACommentThenApproveIt() {
        ProcessInstance problem = verified("NORTH", "RESPONSIBILITY_NOT_IMPLEMENTED", "SERIOUS", Map.of());
        decide(problem, "ADMONISHMENT", false);

        assertThat(problem).isWaitingAt("approveAccountability");
        assertThat(task("approveAccountability", problem)).hasCandidateGroup("leaders");
        Assertions.assertThat(record(problem).stage()).isEqualTo("APPROVAL");
        complete(task("approveAccountability", problem),
                withVariables("accountabilityApproved", false, "approvalComment", "请补充领导责任"));

        assertThat(problem).isWaitingAt("decideAccountability");
        assertThat(problem).variables().containsEntry("approvalComment", "请补充领导责任");
        decide(problem, "ADMONISHMENT", false);
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", true));
        closeAsync(problem);

        assertThat(problem).isEnded();
        assertThat(problem).variables().doesNotContainKey("approvalComment");
        Assertions.assertThat(taskService.getProcessInstanceComments(problem.getId()))
                .extracting(c -> c.getFullMessage()).contains("退回：请补充领导责任");
    }

    @Test
    void aReturnWithoutAReasonIsRefused() {
        ProcessInstance problem = verified("NORTH", "RESPONSIBILITY_NOT_IMPLEMENTED", "SERIOUS", Map.of());
        decide(problem, "ADMONISHMENT", false);
        Task approval = task("approveAccountability", problem);
        Exception refused = assertThrows(Exception.class,
                () -> taskService.complete(approval.getId(), Map.of("accountabilityApproved", false)));
        Assertions.assertThat(rootCause(refused)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("approvalComment");
        assertThat(problem).isWaitingAt("approveAccountability");
    }

    // ---- fault tolerance --------------------------------------------------------------------------

    @Test
    void anEmergencyActionApprovedForExemptionIsClosedExemptedWithoutNotice() {
        ProcessInstance problem = verified("SOUTH", "INEFFECTIVE_PREVENTION", "MINOR",
                Map.of("emergencyAction", true));
        decide(problem, "ORDERED_INSPECTION", true);

        assertThat(problem).isWaitingAt("reviewFaultTolerance");
        Assertions.assertThat(record(problem).stage()).isEqualTo("FAULT_TOLERANCE");
        reviewFaultTolerance(problem, "EXEMPT");
        assertThat(problem).isWaitingAt("approveFaultTolerance");
        complete(task("approveFaultTolerance", problem), withVariables("faultToleranceApproved", true));
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("draftNotice");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("EXEMPTED");
        Assertions.assertThat(record(problem).faultToleranceApproved()).isTrue();
    }

    @Test
    void aRefusedExemptionGoesBackToReviewWhichThenRefusesTolerance() {
        ProcessInstance problem = verified("NORTH", "INEFFECTIVE_PREVENTION", "MINOR",
                Map.of("faultToleranceRequested", true));
        decide(problem, "ORDERED_INSPECTION", false);
        reviewFaultTolerance(problem, "EXEMPT");
        complete(task("approveFaultTolerance", problem),
                withVariables("faultToleranceApproved", false, "approvalComment", "不符合免责情形"));

        assertThat(problem).isWaitingAt("reviewFaultTolerance");
        reviewFaultTolerance(problem, "NOT_APPLICABLE");
        closeAsync(problem);

        assertThat(problem).isEnded();
        Assertions.assertThat(record(problem).outcome()).isEqualTo("ACCOUNTABILITY");
        Assertions.assertThat(record(problem).faultToleranceOutcome()).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void aMitigatedCaseStaysAccountable() {
        ProcessInstance problem = verified("NORTH", "FORMALISM_BUREAUCRATISM", "MINOR",
                Map.of("faultToleranceRequested", true));
        decide(problem, "CRITICISM_EDUCATION", false);
        reviewFaultTolerance(problem, "MITIGATE");
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("approveFaultTolerance");
        Assertions.assertThat(record(problem).faultToleranceOutcome()).isEqualTo("MITIGATE");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("ACCOUNTABILITY");
    }

    // ---- public notice --------------------------------------------------------------------------

    @Test
    void aTypicalCaseIsNamedPubliclyAfterLeadersReturnTheFirstDraft() {
        ProcessInstance problem = verified("SOUTH", "MISUSE_OF_FUNDS", "GRAVE", Map.of("leadershipResponsible", true));
        complete(task("decideAccountability", problem), withVariables("measure", "CASE_FILING",
                "leaderMeasure", "ADMONISHMENT", "typicalCase", true, "decisionReason", "挪用防控物资"));
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", true));

        assertThat(problem).isWaitingAt("draftNotice");
        assertThat(task("draftNotice", problem)).hasCandidateGroup("publicity");
        Assertions.assertThat(record(problem).stage()).isEqualTo("NOTICE");
        complete(task("draftNotice", problem), withVariables("noticeTitle", "初稿", "noticeBody", "初稿正文"));
        complete(task("approveNotice", problem), withVariables("noticeApproved", false, "approvalComment", "写明职务"));
        assertThat(problem).isWaitingAt("draftNotice");
        complete(task("draftNotice", problem), withVariables("noticeTitle", "关于某街道挪用防控物资问题的通报",
                "noticeBody", "某街道副主任张某挪用口罩……给予立案审查调查。"));
        complete(task("approveNotice", problem), withVariables("noticeApproved", true));

        assertThat(problem).isWaitingAt("publishNotice");
        execute(job("publishNotice", problem));
        closeAsync(problem);

        assertThat(problem).isEnded().hasPassedInOrder("draftNotice", "approveNotice", "publishNotice", "closeCase");
        Assertions.assertThat(jdbc.queryForObject("SELECT title FROM jd_notice WHERE case_number = ?", String.class,
                caseNumberOf(problem))).isEqualTo("关于某街道挪用防控物资问题的通报");
        Assertions.assertThat(record(problem).leaderMeasure()).isEqualTo("ADMONISHMENT");
    }

    // ---- deadlines ------------------------------------------------------------------------------

    @Test
    void aReminderGoesToTheTeamBeforeVerificationFallsDue() {
        ProcessInstance problem = atVerification("NORTH");
        execute(job("verifyReminder", problem));
        assertThat(problem).isWaitingAt("verifyCase", "sendVerifyReminder");
        execute(job("sendVerifyReminder", problem));

        assertThat(problem).isWaitingAt("verifyCase");
        Assertions.assertThat(mailsOf(caseNumberOf(problem), "TASK_REMINDER")).containsExactly("north1@jiandu.local");
    }

    @Test
    void overdueVerificationIsExtendedByLeadersAndEscalatedAgainWhenTheNewDateAlsoPasses() {
        ProcessInstance problem = atVerification("NORTH");
        execute(job("verifyOverdue", problem));

        assertThat(problem).isWaitingAt("verifyCase", "reviewOverdueCase");
        assertThat(task("reviewOverdueCase", problem)).hasCandidateGroup("leaders");
        String newDue = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).truncatedTo(ChronoUnit.MINUTES).toString();
        complete(task("reviewOverdueCase", problem), withVariables("overdueAction", "EXTEND", "newDueDate", newDue,
                "overdueComment", "再给一周"));

        Instant expected = OffsetDateTime.parse(newDue).toInstant();
        Assertions.assertThat(task("verifyCase", problem).getDueDate().toInstant()).isEqualTo(expected);
        Assertions.assertThat(record(problem).verifyDueAt().toInstant()).isEqualTo(expected);
        assertThat(problem).isWaitingAt("verifyCase", "verifyExtendedDeadline");
        execute(job("verifyExtendedDeadline", problem));
        assertThat(problem).isWaitingAt("verifyCase", "reviewOverdueCase");
    }

    @Test
    void overdueVerificationIsReassignedByLeaders() {
        ProcessInstance problem = atVerification("NORTH");
        taskService.claim(task("verifyCase", problem).getId(), "north1");
        execute(job("verifyOverdue", problem));
        complete(task("reviewOverdueCase", problem), withVariables("overdueAction", "REASSIGN", "reassignTo", "leader1",
                "overdueComment", "改由领导亲自核查"));

        assertThat(task("verifyCase", problem)).isAssignedTo("leader1");
        assertThat(problem).isWaitingAt("verifyCase").hasPassed("verifyOverdueHandled");
    }

    @Test
    void overdueVerificationIsUrgedByMailAndTheTeamKeepsWorking() {
        ProcessInstance problem = atVerification("SOUTH");
        execute(job("verifyOverdue", problem));
        complete(task("reviewOverdueCase", problem), withVariables("overdueAction", "URGE", "overdueComment", "限三日内办结"));

        assertThat(problem).isWaitingAt("verifyCase");
        Assertions.assertThat(mailsOf(caseNumberOf(problem), "OVERDUE_URGE")).containsExactly("south1@jiandu.local");
        Assertions.assertThat(taskService.getTaskComments(task("verifyCase", problem).getId()))
                .extracting(c -> c.getFullMessage()).containsExactly("委领导督办（督促）：限三日内办结");
    }

    @Test
    void finishingVerificationEndsAnOpenOverdueReview() {
        ProcessInstance problem = atVerification("NORTH");
        execute(job("verifyOverdue", problem));
        complete(task("verifyCase", problem), withVariables("substantiated", false, "findings", "不属实"));

        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(problem.getId())
                .taskDefinitionKey("reviewOverdueCase").count()).isZero();
        assertThat(problem).isWaitingAt("closeCase");
    }

    @Test
    void anOverdueDecisionIsEscalatedRemindedExtendedAndUrged() {
        ProcessInstance problem = verified("NORTH", "BUCK_PASSING", "MINOR", Map.of());
        assertThat(task("decideAccountability", problem)).hasCandidateGroup("case-review");
        execute(job("decisionReminder", problem));
        execute(job("sendDecisionReminder", problem));
        Assertions.assertThat(mailsOf(caseNumberOf(problem), "TASK_REMINDER")).containsExactly("review1@jiandu.local");

        execute(job("decisionOverdue", problem));
        complete(task("reviewOverdueDecision", problem), withVariables("overdueAction", "EXTEND",
                "newDueDate", OffsetDateTime.now().plusDays(3).toString(), "overdueComment", "延期三天"));
        execute(job("decisionExtendedDeadline", problem));
        complete(task("reviewOverdueDecision", problem), withVariables("overdueAction", "URGE", "overdueComment", "速办"));

        assertThat(problem).isWaitingAt("decideAccountability").hasPassed("decisionOverdueHandled");
    }

    // ---- the story's steps ------------------------------------------------------------------------

    private ProcessInstance report(String zone) {
        return runtimeService.startProcessInstanceById(version1, withVariables(
                "title", "某小区未落实封闭管理", "description", "小区出入口无人值守，未测体温",
                "source", "PUBLIC_REPORT", "unit", "北湖街道幸福社区", "personsInvolved", "社区主任李某",
                "anonymous", false, "reporterName", "王某", "reporterPhone", "13800000000",
                "reporterEmail", "reporter@example.cn", "zone", zone));
    }

    private void triage(ProcessInstance problem, String disposal) {
        assertThat(problem).isWaitingAt("triageCase");
        assertThat(task("triageCase", problem)).hasCandidateGroup("case-management");
        String zone = (String) runtimeService.getVariable(problem.getId(), "zone");
        complete(task("triageCase", problem), withVariables("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED",
                "severity", "MINOR", "zone", zone, "disposal", disposal, "triageComment", "研判意见"));
    }

    private ProcessInstance atVerification(String zone) {
        ProcessInstance problem = report(zone);
        triage(problem, "PRELIMINARY_VERIFICATION");
        assertThat(problem).isWaitingAt("verifyCase");
        return problem;
    }

    private ProcessInstance verified(String zone, String problemType, String severity, Map<String, Object> facts) {
        ProcessInstance problem = report(zone);
        complete(task("triageCase", problem), withVariables("problemType", problemType, "severity", severity,
                "zone", zone, "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "初步核实"));
        Map<String, Object> findings = new java.util.HashMap<>(Map.of("substantiated", true,
                "findings", "问题属实", "responsiblePersons", "社区主任李某"));
        findings.putAll(facts);
        complete(task("verifyCase", problem), findings);
        return problem;
    }

    private void decide(ProcessInstance problem, String measure, boolean typical) {
        assertThat(problem).isWaitingAt("decideAccountability");
        complete(task("decideAccountability", problem), withVariables("measure", measure, "typicalCase", typical,
                "decisionReason", "依规依纪处理"));
    }

    private void reviewFaultTolerance(ProcessInstance problem, String outcome) {
        assertThat(problem).isWaitingAt("reviewFaultTolerance");
        complete(task("reviewFaultTolerance", problem), withVariables("faultToleranceOutcome", outcome,
                "faultToleranceReason", "三个区分开来审查意见"));
    }

    private void closeAsync(ProcessInstance problem) {
        assertThat(problem).isWaitingAt("closeCase");
        execute(job("closeCase", problem));
    }

    private String caseNumberOf(ProcessInstance problem) {
        return (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(problem.getId()).variableName("caseNumber").singleResult().getValue();
    }

    private CaseRecord record(ProcessInstance problem) {
        return cases.findByNumber(caseNumberOf(problem)).orElseThrow();
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private List<String> mailsOf(String caseNumber, String kind) {
        return jdbc.queryForList("SELECT recipients FROM jd_mail_outbox WHERE case_number = ? AND kind = ?",
                String.class, caseNumber, kind);
    }
}
