package cn.jiandu.cases;

import static cn.jiandu.support.PersonRows.person;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.identity.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every route of processes/supervision-case.bpmn, version 2, driven as Tasklist would drive it: tasks
 * completed with the variables of their forms, timers and asynchronous steps fired by hand. The story
 * is a district's: 北湖街道 failed to close a residential compound; the team verifies, case-review
 * holds the persons responsible one by one, leaders approve, the decision is served and named publicly.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:route-version-2-process;DB_CLOSE_DELAY=-1"})
@Import({ProcessEngineCoverageConfiguration.class, RouteVersion2ProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class RouteVersion2ProcessTest {

    @TestConfiguration
    static class Coverage {
        /**
         * Primary: the coverage configuration registers a default too, and with two none is asserted. A served
         * decision or an exemption starts the unit's rectification, whose routes RectificationProcessTest covers.
         */
        @Bean
        @Primary
        ProcessEngineCoverageProperties jianduCoverage() {
            return ProcessEngineCoverageProperties.Companion.builder()
                    .assertClassCoverageAtLeast(0.95)
                    .excludeProcessDefinitionKeys("rectification")
                    .build();
        }
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The director, directly responsible; the party secretary, principal leadership; the deputy, important. */
    private static final Map<String, Object> ZHANG = person("张伟", "北湖街道幸福社区居委会", "主任", "DIRECT");
    private static final Map<String, Object> LI = person("李娜", "北湖街道党工委", "书记", "PRINCIPAL_LEADERSHIP");
    private static final Map<String, Object> WANG = person("王强", "北湖街道办事处", "副主任", "IMPORTANT_LEADERSHIP");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    CaseRepository cases;
    @Autowired
    PersonRepository persons;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseQueries queries;

    @BeforeEach
    void engineForAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    // ---- the whole route --------------------------------------------------------------------------

    @Test
    void threePersonsAreHeldAccountableOneByOneServedAndTheTypicalCaseWaitsForTheBulletin() {
        ProcessInstance problem = report("NORTH");
        Assertions.assertThat(runtimeService.getVariable(problem.getId(), "triageDueDate")).isNotNull();
        triage(problem, "RESPONSIBILITY_NOT_IMPLEMENTED", "SERIOUS", "PRELIMINARY_VERIFICATION");
        Assertions.assertThat(record(problem).stage()).isEqualTo("DISPOSAL_APPROVAL");
        Assertions.assertThat(mailsOf(problem, "APPROVAL_REQUEST")).containsExactly("leader1@jiandu.local");
        approveDisposal(problem);

        verify(problem, "ACCOUNTABILITY", ZHANG, LI, WANG);
        assertThat(problem).hasPassed("recommendAccountability").isWaitingAt("decideAccountability");
        Assertions.assertThat(record(problem).stage()).isEqualTo("DECISION");
        Assertions.assertThat(personsOf(problem))
                .extracting(Person::name, Person::responsibility, Person::recommendedMeasure, Person::leaderApprovalRequired)
                .as("the table one step lighter for principal, two for important leadership responsibility")
                .containsExactly(
                        Tuple.tuple("张伟", cn.jiandu.accountability.Responsibility.DIRECT, Measure.ADMONISHMENT, true),
                        Tuple.tuple("李娜", cn.jiandu.accountability.Responsibility.PRINCIPAL_LEADERSHIP,
                                Measure.CIRCULATED_CRITICISM, true),
                        Tuple.tuple("王强", cn.jiandu.accountability.Responsibility.IMPORTANT_LEADERSHIP,
                                Measure.ORDERED_INSPECTION, false));
        Assertions.assertThat(personsVariable(problem)).extracting(row -> row.get("recommendedMeasure"))
                .as("the form of decideAccountability shows each person's recommendation")
                .containsExactly("ADMONISHMENT", "CIRCULATED_CRITICISM", "ORDERED_INSPECTION");

        assertThat(problem).variables().containsEntry("typicalSuggested", false);
        decide(problem, true, "ADMONISHMENT", "CIRCULATED_CRITICISM", "CRITICISM_EDUCATION");
        assertThat(problem).isWaitingAt("hearDefence");
        Assertions.assertThat(record(problem).stage()).isEqualTo("DEFENCE");
        hearDefence(problem, false);

        assertThat(problem).isWaitingAt("approveAccountability");
        Assertions.assertThat(record(problem).stage()).isEqualTo("APPROVAL");
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", true));

        assertThat(problem).isWaitingAt("serveDecision");
        assertThat(task("serveDecision", problem)).hasCandidateGroup("team-north");
        Assertions.assertThat(record(problem).stage()).isEqualTo("SERVICE");
        LocalDate today = LocalDate.now(SHANGHAI);
        complete(task("serveDecision", problem), withVariables("servedOn", today.toString()));

        Assertions.assertThat(personsOf(problem)).extracting(Person::measure, Person::servedOn).containsExactly(
                Tuple.tuple(Measure.ADMONISHMENT, today), Tuple.tuple(Measure.CIRCULATED_CRITICISM, today),
                Tuple.tuple(Measure.CRITICISM_EDUCATION, today));
        Assertions.assertThat(record(problem).servedOn()).isEqualTo(today);
        assertThat(problem).isWaitingAt("awaitBulletin");
        Assertions.assertThat(record(problem).stage()).isEqualTo("NOTICE");

        runtimeService.createMessageCorrelation(SupervisionCaseProcess.CASE_NAMED_IN_BULLETIN)
                .processInstanceBusinessKey(caseNumberOf(problem)).correlate();
        closeAsync(problem);

        assertThat(problem).isEnded().hasPassedInOrder("triageCase", "approveDisposal", "verifyCase",
                "recommendAccountability", "decideAccountability", "hearDefence", "approveAccountability",
                "serveDecision", "awaitBulletin", "closeCase");
        assertThat(problem).hasNotPassed("reviewFaultTolerance", "handOverForInvestigation");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("ACCOUNTABILITY");
        // The reporter's address is kept only sealed (mail/AddressSeal).
        Assertions.assertThat(mailsOf(problem, "CASE_OUTCOME")).containsExactly("举报人（已加密）");
    }

    // ---- triage and the leaders' approval of the disposal ------------------------------------------

    @Test
    void leadersReturnTheDisposalWithAReasonTriageSeesItAndTheCaseIsClosedAtTriage() {
        ProcessInstance problem = report("NORTH");
        triage(problem, "OTHER", "MINOR", "PRELIMINARY_VERIFICATION");
        Task approval = task("approveDisposal", problem);
        Assertions.assertThat(approval.getDueDate()).as("the disposal opinion, approved, is due within the triage's month")
                .isNotNull().isEqualTo(runtimeService.getVariable(problem.getId(), "triageDueDate"));
        Exception withoutReason = assertThrows(Exception.class,
                () -> taskService.complete(approval.getId(), Map.of("disposalApproved", false)));
        Assertions.assertThat(rootCause(withoutReason)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("approvalComment");

        complete(approval, withVariables("disposalApproved", false, "approvalComment", "反映内容已有结论，建议了结"));
        assertThat(problem).isWaitingAt("triageCase");
        assertThat(problem).variables().containsEntry("approvalComment", "反映内容已有结论，建议了结");
        triage(problem, "OTHER", "MINOR", "CLOSE");
        assertThat(problem).as("the reason is answered: the next approval neither shows nor repeats it")
                .variables().doesNotContainKey("approvalComment");
        approveDisposal(problem);
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("inquireCase", "verifyCase");
        assertThat(problem).variables().doesNotContainKey("approvalComment");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("CLOSED_AT_TRIAGE");
        Assertions.assertThat(taskService.getProcessInstanceComments(problem.getId()))
                .extracting(c -> c.getFullMessage()).containsOnlyOnce("退回：反映内容已有结论，建议了结")
                .noneMatch(c -> c.startsWith("同意：反映内容"));
    }

    @Test
    void aProblemHeldAtTriageWaitsThenComesBackToTriage() {
        ProcessInstance problem = report("NORTH");
        triage(problem, "OTHER", "MINOR", "HOLD");
        approveDisposal(problem);

        assertThat(problem).isWaitingAt("caseOnHold");
        Assertions.assertThat(record(problem).stage()).isEqualTo("ON_HOLD");
        execute(job("caseOnHold", problem));
        assertThat(problem).isWaitingAt("triageCase");
        assertThat(problem).variables().containsEntry("holdCount", 1);
        triage(problem, "OTHER", "MINOR", "PRELIMINARY_VERIFICATION");
        assertThat(problem).as("approving the hold is not approving the new disposal: nothing is chosen")
                .variables().doesNotContainKey("disposalApproved");
    }

    @Test
    void leadersMustChooseApproveOrReturnAndForgettingToChooseReturnsNothing() {
        ProcessInstance problem = report("NORTH");
        triage(problem, "OTHER", "MINOR", "PRELIMINARY_VERIFICATION");
        Task approval = task("approveDisposal", problem);

        Assertions.assertThat(refused(approval, Map.of("approvalComment", "已阅")))
                .contains("请选择审批结果（disposalApproved）：同意或退回");
        Assertions.assertThat(refused(approval, Map.of("disposalApproved", false)))
                .contains("审批意见（approvalComment）");
        assertThat(problem).isWaitingAt("approveDisposal");
        Assertions.assertThat(record(problem).stage()).isEqualTo("DISPOSAL_APPROVAL");

        complete(approval, withVariables("disposalApproved", false, "approvalComment", "请补充群众反映的具体时间"));
        triage(problem, "OTHER", "MINOR", "PRELIMINARY_VERIFICATION");
        assertThat(problem).as("leaders decide the new proposal anew: their form shows neither 同意 nor 退回")
                .variables().doesNotContainKey("disposalApproved");
        approveDisposal(problem);
        assertThat(problem).isWaitingAt("verifyCase");
    }

    @Test
    void theApprovalsOfExemptionAndAccountabilityRefuseNoChoiceToo() {
        ProcessInstance exemption = atVerification("NORTH");
        verifyWith(exemption, "ACCOUNTABILITY", Map.of("emergencyAction", true, "faultToleranceRequested", true), ZHANG);
        reviewFaultTolerance(exemption, "EXEMPT", allCriteria(true));
        Assertions.assertThat(refused(task("approveFaultTolerance", exemption), Map.of("approvalComment", "同意")))
                .contains("faultToleranceApproved");
        assertThat(exemption).isWaitingAt("approveFaultTolerance");

        ProcessInstance decided = decided("NORTH", "ADMONISHMENT");
        hearDefence(decided, false);
        Assertions.assertThat(refused(task("approveAccountability", decided), Map.of()))
                .contains("accountabilityApproved");
        assertThat(decided).isWaitingAt("approveAccountability");
    }

    // ---- what the case shows of its route --------------------------------------------------------

    @Test
    void theTimelineListsWhatPeopleDidAndJianduDecidedAndTheCaseShowsTheReasons() {
        ProcessInstance problem = decided("NORTH", "ADMONISHMENT");
        hearDefence(problem, false);
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", true,
                "approvalComment", "同意审理室意见"));

        CaseView view = queries.detail(new CurrentUser("leader1", List.of("leaders")), caseNumberOf(problem))
                .orElseThrow();
        Assertions.assertThat(view.timeline()).extracting(CaseView.TimelineEntry::activityName)
                .as("no start or end of a stage (开始, 办结 right after 初步核实 read as if the case were closed)")
                .doesNotContain("开始", "办结", "发现问题线索", "发送到期提醒", "到期前提醒")
                .containsSubsequence("登记问题线索", "分类研判处置", "审批处置意见", "初步核实", "逐人生成问责建议",
                        "提出问责处理意见", "听取陈述申辩", "领导审批问责");
        Assertions.assertThat(view.timeline()).filteredOn(e -> "approveAccountability".equals(e.activityId()))
                .extracting(CaseView.TimelineEntry::comment).containsExactly("同意：同意审理室意见");
        Assertions.assertThat(view.triageComment()).isEqualTo("建议PRELIMINARY_VERIFICATION");
        Assertions.assertThat(view.decisionReason()).isEqualTo("依规依纪逐人提出处理意见");
        Assertions.assertThat(view.noticeTitle()).as("no bulletin has named it yet").isNull();
    }

    @Test
    void anExemptionShowsItsReasonAndCorrectiveMeasuresOnTheCase() {
        ProcessInstance exemption = atVerification("NORTH");
        verifyWith(exemption, "ACCOUNTABILITY", Map.of("emergencyAction", true, "faultToleranceRequested", true), ZHANG);
        reviewFaultTolerance(exemption, "EXEMPT", allCriteria(true));

        CaseView view = queries.detail(new CurrentUser("review1", List.of("case-review")), caseNumberOf(exemption))
                .orElseThrow();
        Assertions.assertThat(view.faultToleranceReason()).isEqualTo("三个区分开来审查意见");
        Assertions.assertThat(view.correctiveMeasures()).isEqualTo("完善值守排班，补办台账");
        Assertions.assertThat(view.timeline()).extracting(CaseView.TimelineEntry::activityName)
                .endsWith("容错纠错审查", "领导审批免责");
    }

    // ---- inquiry ---------------------------------------------------------------------------------

    @Test
    void anInquiryWhoseExplanationIsAcceptedClosesTheCase() {
        ProcessInstance problem = atInquiry("SOUTH");
        assertThat(task("inquireCase", problem)).hasCandidateGroup("team-south");
        Assertions.assertThat(record(problem).stage()).isEqualTo("INQUIRY");
        complete(task("inquireCase", problem), withVariables("inquiryOutcome", "ACCEPTED",
                "inquiryRecord", "社区已书面说明当日值守人员因病缺岗，已补排班"));
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("verifyCase");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("INQUIRY_ACCEPTED");
        Assertions.assertThat(record(problem).inquiryOutcome()).isEqualTo("ACCEPTED");
        Assertions.assertThat(jdbc.queryForObject("SELECT text_body FROM jd_mail_outbox WHERE case_number = ? "
                + "AND kind = 'CASE_OUTCOME'", String.class, caseNumberOf(problem))).contains("予以采信");
    }

    @Test
    void anInquiryIsRepeatedThenTurnedIntoAVerification() {
        ProcessInstance problem = atInquiry("NORTH");
        complete(task("inquireCase", problem), withVariables("inquiryOutcome", "REPEAT", "inquiryRecord", "说明不清"));
        assertThat(problem).isWaitingAt("inquireCase");
        complete(task("inquireCase", problem), withVariables("inquiryOutcome", "TO_VERIFICATION",
                "inquiryRecord", "再次函询仍说明不清"));

        assertThat(problem).isWaitingAt("verifyCase");
        Assertions.assertThat(record(problem).inquiryOutcome()).isEqualTo("TO_VERIFICATION");
    }

    @Test
    void lightHandlingAfterAnInquiryNeedsAPersonAndTakesFirstFormMeasuresOnly() {
        ProcessInstance problem = atInquiry("NORTH");
        Task inquiry = task("inquireCase", problem);
        Exception nobody = assertThrows(Exception.class, () -> taskService.complete(inquiry.getId(),
                Map.of("inquiryOutcome", "LIGHT_HANDLING", "inquiryRecord", "说明基本属实")));
        Assertions.assertThat(rootCause(nobody)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("persons");
        complete(inquiry, withVariables("inquiryOutcome", "LIGHT_HANDLING", "inquiryRecord", "说明基本属实，情节轻微",
                "persons", personsJson(ZHANG)));

        assertThat(problem).isWaitingAt("decideAccountability").hasNotPassed("verifyCase");
        Exception heavy = assertThrows(Exception.class, () -> decide(problem, false, "ORGANIZATIONAL_ADJUSTMENT"));
        Assertions.assertThat(rootCause(heavy)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("第一种形态");
        decide(problem, false, "TALK_REMINDER");
        hearDefence(problem, false);

        assertThat(problem).isWaitingAt("serveDecision").hasNotPassed("approveAccountability");
        serve(problem);
        closeAsync(problem);
        assertThat(problem).isEnded().hasNotPassed("awaitBulletin");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("ACCOUNTABILITY");
    }

    // ---- verification ------------------------------------------------------------------------------

    @Test
    void anUnsubstantiatedVerificationClosesTheCase() {
        ProcessInstance problem = atVerification("NORTH");
        Assertions.assertThat(record(problem).stage()).isEqualTo("VERIFICATION");
        Assertions.assertThat(record(problem).verifyDueAt()).isNotNull();
        complete(task("verifyCase", problem), withVariables("verificationOutcome", "CLOSE", "findings", "经核查不属实"));
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("recommendAccountability");
        Assertions.assertThat(record(problem).outcome()).isEqualTo("UNSUBSTANTIATED");
    }

    @Test
    void aCaseReferredToThePartyOrganisationClosesAsReferred() {
        ProcessInstance problem = atVerification("SOUTH");
        complete(task("verifyCase", problem), withVariables("verificationOutcome", "REFER",
                "findings", "属企业内部管理问题，移交所在党组织处理"));
        closeAsync(problem);

        assertThat(problem).isEnded();
        Assertions.assertThat(record(problem).outcome()).isEqualTo("REFERRED");
    }

    @Test
    void aVerificationOnHoldComesBackToVerification() {
        ProcessInstance problem = atVerification("NORTH");
        complete(task("verifyCase", problem), withVariables("verificationOutcome", "HOLD", "findings", "当事人出差"));

        assertThat(problem).isWaitingAt("verificationOnHold");
        Assertions.assertThat(record(problem).stage()).isEqualTo("ON_HOLD");
        execute(job("verificationOnHold", problem));
        assertThat(problem).isWaitingAt("verifyCase");
        assertThat(problem).variables().containsEntry("holdCount", 1);
    }

    @Test
    void accountabilityWithoutPersonsIsRefused() {
        ProcessInstance problem = atVerification("NORTH");
        Task verification = task("verifyCase", problem);
        Exception nobody = assertThrows(Exception.class, () -> taskService.complete(verification.getId(),
                Map.of("verificationOutcome", "ACCOUNTABILITY", "findings", "问题属实")));
        Assertions.assertThat(rootCause(nobody)).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("persons");
        assertThat(problem).isWaitingAt("verifyCase");
    }

    // ---- filing ----------------------------------------------------------------------------------

    @Test
    void filingApprovedByLeadersIsHandedOverWithARecord() {
        ProcessInstance problem = atVerification("SOUTH");
        verify(problem, "PROPOSE_FILING", ZHANG);

        assertThat(problem).isWaitingAt("approveAccountability").hasNotPassed("decideAccountability");
        taskService.claim(task("approveAccountability", problem).getId(), "leader1");
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", true));
        assertThat(problem).isWaitingAt("handOverForInvestigation");
        execute(job("handOverForInvestigation", problem));
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("serveDecision");
        CaseRecord record = record(problem);
        Assertions.assertThat(record.outcome()).isEqualTo("REFERRED_FOR_INVESTIGATION");
        Assertions.assertThat(record.handedOverBy()).isEqualTo("leader1");
        Assertions.assertThat(record.handedOverAt()).isNotNull();
        Map<String, Object> handOver = jdbc.queryForMap("SELECT * FROM jd_case_handover WHERE case_number = ?",
                caseNumberOf(problem));
        Assertions.assertThat(handOver).containsEntry("APPROVED_BY", "leader1").containsEntry("FINDINGS", "问题属实");
        Assertions.assertThat((String) handOver.get("PERSONS")).contains("张伟");
    }

    @Test
    void filingReturnedByLeadersGoesBackToVerification() {
        ProcessInstance problem = atVerification("NORTH");
        verify(problem, "PROPOSE_FILING", ZHANG);
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", false,
                "approvalComment", "证据不足以立案，请补充核实"));

        assertThat(problem).isWaitingAt("verifyCase");
        assertThat(problem).variables().containsEntry("approvalComment", "证据不足以立案，请补充核实");
        Assertions.assertThat(runtimeService.getVariable(problem.getId(), "persons").toString())
                .as("the list comes back to the same form: only what verification takes, as the gate holds Tasklist to it")
                .contains("张伟").doesNotContain("repeatOffenceProposed", "recommendedMeasure");

        complete(task("verifyCase", problem), withVariables("verificationOutcome", "ACCOUNTABILITY",
                "findings", "补充核实后，问题属实但不需立案", "persons", runtimeService.getVariableTyped(problem.getId(), "persons")));
        assertThat(problem).as("the persons shown, sent back unchanged, stay the case's")
                .isWaitingAt("decideAccountability");
        Assertions.assertThat(personsOf(problem)).extracting(Person::name).containsExactly("张伟");
    }

    @Test
    void aDecisionProposingFilingForOnePersonTakesTheWholeCaseToFiling() {
        ProcessInstance problem = atVerification("NORTH", "MISUSE_OF_FUNDS", "SERIOUS");
        verify(problem, "ACCOUNTABILITY", LI, ZHANG);
        assertThat(problem).variables().as("the table suggests the director's filing as typical, though listed second")
                .containsEntry("typicalSuggested", true);
        decide(problem, false, "ADMONISHMENT", "PROPOSE_FILING");

        assertThat(problem).isWaitingAt("approveAccountability").hasNotPassed("hearDefence");
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", true));
        execute(job("handOverForInvestigation", problem));
        closeAsync(problem);
        Assertions.assertThat(record(problem).outcome()).isEqualTo("REFERRED_FOR_INVESTIGATION");
    }

    // ---- fault tolerance -----------------------------------------------------------------------------

    @Test
    void anEmergencyActionExemptedByLeadersClosesExempted() {
        ProcessInstance problem = atVerification("SOUTH", "INEFFECTIVE_PREVENTION", "MINOR");
        verifyWith(problem, "ACCOUNTABILITY", Map.of("emergencyAction", true), ZHANG);

        assertThat(problem).isWaitingAt("reviewFaultTolerance");
        Assertions.assertThat(record(problem).stage()).isEqualTo("FAULT_TOLERANCE");
        reviewFaultTolerance(problem, "EXEMPT", allCriteria(true));
        assertThat(problem).isWaitingAt("approveFaultTolerance");
        complete(task("approveFaultTolerance", problem), withVariables("faultToleranceApproved", true));
        closeAsync(problem);

        assertThat(problem).isEnded().hasNotPassed("recommendAccountability", "decideAccountability");
        CaseRecord record = record(problem);
        Assertions.assertThat(record.outcome()).isEqualTo("EXEMPTED");
        Assertions.assertThat(record.ftLossRemedied()).isTrue();
        Assertions.assertThat(record.correctiveMeasures()).isEqualTo("完善值守排班，补办台账");
    }

    @Test
    void aRefusedExemptionIsReviewedAgainAndMitigationMakesTheTableOneStepLighter() {
        ProcessInstance problem = atVerification("NORTH", "RESPONSIBILITY_NOT_IMPLEMENTED", "SERIOUS");
        verifyWith(problem, "ACCOUNTABILITY", Map.of("faultToleranceRequested", true), ZHANG);
        reviewFaultTolerance(problem, "EXEMPT", allCriteria(true));
        complete(task("approveFaultTolerance", problem), withVariables("faultToleranceApproved", false,
                "approvalComment", "损失未全部挽回，不宜免责"));

        assertThat(problem).isWaitingAt("reviewFaultTolerance");
        reviewFaultTolerance(problem, "MITIGATE", allCriteria(true));

        assertThat(problem).isWaitingAt("decideAccountability");
        Assertions.assertThat(personsOf(problem)).extracting(Person::recommendedMeasure)
                .as("admonishment for the director, one step lighter after mitigation")
                .containsExactly(Measure.CIRCULATED_CRITICISM);
        Assertions.assertThat(record(problem).faultToleranceOutcome()).isEqualTo("MITIGATE");
    }

    @Test
    void aRepeatOffenceIsNeverExempted() {
        ProcessInstance problem = atVerification("NORTH", "INEFFECTIVE_PREVENTION", "MINOR");
        Map<String, Object> again = new LinkedHashMap<>(ZHANG);
        again.put("repeatOffence", true);
        verifyWith(problem, "ACCOUNTABILITY", Map.of("faultToleranceRequested", true), again);

        Assertions.assertThat(refusedReview(problem, "EXEMPT", allCriteria(true))).contains("屡犯", "张伟");
        reviewFaultTolerance(problem, "NOT_APPLICABLE", allCriteria(true));
        assertThat(problem).isWaitingAt("decideAccountability");
    }

    @Test
    void personalGainIsNeverExempted() {
        ProcessInstance funds = atVerification("NORTH", "MISUSE_OF_FUNDS", "MINOR");
        verifyWith(funds, "ACCOUNTABILITY", Map.of("faultToleranceRequested", true), ZHANG);
        Assertions.assertThat(refusedReview(funds, "EXEMPT", allCriteria(true))).contains("谋取私利");

        ProcessInstance gain = atVerification("NORTH", "INEFFECTIVE_PREVENTION", "MINOR");
        verifyWith(gain, "ACCOUNTABILITY", Map.of("faultToleranceRequested", true), ZHANG);
        Map<String, Object> criteria = allCriteria(true);
        criteria.put("ftNoPersonalGain", false);
        Assertions.assertThat(refusedReview(gain, "EXEMPT", criteria)).contains("谋取私利");
        Assertions.assertThat(refusedReview(gain, "MITIGATE", criteria)).contains("ftNoPersonalGain");
    }

    @Test
    void concealmentIsNeverExemptedAndExemptionNeedsEveryCriterion() {
        ProcessInstance concealed = atVerification("SOUTH", "CONCEALED_REPORTING", "MINOR");
        verifyWith(concealed, "ACCOUNTABILITY", Map.of("emergencyAction", true), ZHANG);
        Assertions.assertThat(refusedReview(concealed, "EXEMPT", allCriteria(true))).contains("瞒报");

        ProcessInstance unremedied = atVerification("SOUTH", "INEFFECTIVE_PREVENTION", "MINOR");
        verifyWith(unremedied, "ACCOUNTABILITY", Map.of("emergencyAction", true), ZHANG);
        Map<String, Object> criteria = allCriteria(true);
        criteria.put("ftLossRemedied", false);
        Assertions.assertThat(refusedReview(unremedied, "EXEMPT", criteria)).contains("ftLossRemedied");
    }

    // ---- decision, defence, approval -------------------------------------------------------------------

    @Test
    void aDefenceThatChangesTheFactsSendsTheCaseBackToTheDecision() {
        ProcessInstance problem = decided("NORTH", "CRITICISM_EDUCATION");
        hearDefence(problem, true);

        assertThat(problem).isWaitingAt("decideAccountability");
        Assertions.assertThat(record(problem).defenceChangesDecision()).isTrue();
        decide(problem, false, "TALK_REMINDER");
        hearDefence(problem, false);
        assertThat(problem).isWaitingAt("serveDecision");
        Assertions.assertThat(record(problem).defenceRecord()).isEqualTo("本人陈述申辩：已整改");
    }

    @Test
    void leadersReturnADecisionWithAReasonAndCaseReviewDecidesAgain() {
        ProcessInstance problem = decided("NORTH", "ADMONISHMENT");
        hearDefence(problem, false);
        complete(task("approveAccountability", problem), withVariables("accountabilityApproved", false,
                "approvalComment", "请区分直接责任和领导责任"));

        assertThat(problem).isWaitingAt("decideAccountability");
        assertThat(problem).variables().containsEntry("approvalComment", "请区分直接责任和领导责任");
    }

    @Test
    void theDecisionTakesTheRecordsPersonsInTheirOrderAndOnlyVersion2Measures() {
        ProcessInstance problem = atVerification("NORTH");
        verify(problem, "ACCOUNTABILITY", ZHANG, LI);
        Task decision = task("decideAccountability", problem);

        Assertions.assertThat(refusedDecision(decision, List.of(row(LI, "TALK_REMINDER"), row(ZHANG, "TALK_REMINDER"))))
                .contains("第 1 行", "李娜", "张伟");
        Assertions.assertThat(refusedDecision(decision, List.of(row(ZHANG, "TALK_REMINDER"))))
                .contains("2 人");
        Assertions.assertThat(refusedDecision(decision, List.of(row(ZHANG, "DISCIPLINARY_SANCTION"),
                row(LI, "NONE")))).contains("PROPOSE_FILING");
        Assertions.assertThat(refusedDecision(decision, List.of(row(ZHANG, "NONE"), row(LI, "NONE"))))
                .contains("予以了结");

        complete(decision, withVariables("persons", rows(List.of(row(ZHANG, "NONE"), row(LI, "NONE"))),
                "unitMeasure", "ORG_INSPECTION", "typicalCase", false, "decisionReason", "责令社区党组织作出书面检查"));
        hearDefence(problem, false);
        assertThat(problem).isWaitingAt("serveDecision").hasNotPassed("approveAccountability");
        Assertions.assertThat(record(problem).unitMeasure()).isEqualTo("ORG_INSPECTION");
    }

    @Test
    void theDecisionIsServedOnADayBetweenTheDecisionAndToday() {
        ProcessInstance problem = decided("NORTH", "TALK_REMINDER");
        hearDefence(problem, false);
        Task service = task("serveDecision", problem);
        LocalDate today = LocalDate.now(SHANGHAI);

        Assertions.assertThat(refused(service, Map.of("servedOn", today.plusDays(1).toString()))).contains("今天");
        Assertions.assertThat(refused(service, Map.of("servedOn", today.minusDays(3).toString())))
                .contains("作出问责决定");
        Assertions.assertThat(refused(service, Map.of())).contains("servedOn");
        complete(service, withVariables("servedOn", today.toString()));
        Assertions.assertThat(personsOf(problem)).extracting(Person::servedOn).containsExactly(today);
    }

    // ---- deadlines ----------------------------------------------------------------------------------

    @Test
    void triageIsRemindedEscalatedExtendedEscalatedAgainAndUrged() {
        ProcessInstance problem = report("NORTH");
        assertThat(task("triageCase", problem)).hasDueDate(dueDate(problem, "triageDueDate"));
        remind(problem, "triage", "triageCase", "intake1@jiandu.local");

        execute(job("triageOverdue", problem));
        assertThat(problem).isWaitingAt("triageCase", "reviewOverdueTriage");
        Assertions.assertThat(mailsOf(problem, "OVERDUE_ESCALATION")).containsExactly("leader1@jiandu.local");
        OffsetDateTime newDue = OffsetDateTime.now(SHANGHAI).plusDays(10).withNano(0);
        complete(task("reviewOverdueTriage", problem), withVariables("overdueAction", "EXTEND",
                "newDueDate", newDue.toString(), "overdueComment", "延期十日"));
        Assertions.assertThat(task("triageCase", problem).getDueDate().toInstant()).isEqualTo(newDue.toInstant());

        execute(job("triageExtendedDeadline", problem));
        complete(task("reviewOverdueTriage", problem), withVariables("overdueAction", "URGE", "overdueComment", "速办"));
        assertThat(problem).isWaitingAt("triageCase").hasPassed("triageOverdueHandled");
        Assertions.assertThat(mailsOf(problem, "OVERDUE_URGE")).containsExactly("intake1@jiandu.local");
    }

    @Test
    void anOverdueInquiryIsRemindedAndReassigned() {
        ProcessInstance problem = atInquiry("NORTH");
        assertThat(task("inquireCase", problem)).hasDueDate(dueDate(problem, "inquiryDueDate"));
        remind(problem, "inquiry", "inquireCase", "north1@jiandu.local");

        execute(job("inquiryOverdue", problem));
        Assertions.assertThat(mailsOf(problem, "OVERDUE_ESCALATION")).containsExactly("leader1@jiandu.local");
        complete(task("reviewOverdueInquiry", problem), withVariables("overdueAction", "REASSIGN",
                "reassignTo", "south1", "overdueComment", "改由南片区办理"));
        assertThat(task("inquireCase", problem)).isAssignedTo("south1");
        assertThat(problem).isWaitingAt("inquireCase").hasPassed("inquiryOverdueHandled");
    }

    @Test
    void verificationIsExtendedOnceByAtMostThirtyDays() {
        ProcessInstance problem = atVerification("NORTH");
        Date due = dueDate(problem, "verifyDueDate");
        Assertions.assertThat(due.toInstant()).isAfter(OffsetDateTime.now().plusDays(59).toInstant());
        remind(problem, "verify", "verifyCase", "north1@jiandu.local");

        execute(job("verifyOverdue", problem));
        assertThat(problem).isWaitingAt("verifyCase", "reviewOverdueCase");
        Assertions.assertThat(mailsOf(problem, "OVERDUE_ESCALATION")).containsExactly("leader1@jiandu.local");
        Task review = task("reviewOverdueCase", problem);
        LocalDate oldDue = due.toInstant().atZone(SHANGHAI).toLocalDate();
        Assertions.assertThat(refused(review, Map.of("overdueAction", "EXTEND",
                "newDueDate", oldDue.plusDays(31).toString()))).contains("30 日", "newDueDate");
        Assertions.assertThat(refused(review, Map.of("overdueAction", "EXTEND"))).contains("newDueDate");

        complete(review, withVariables("overdueAction", "EXTEND", "newDueDate", oldDue.plusDays(30).toString(),
                "overdueComment", "经批准延期一个月"));
        Assertions.assertThat(record(problem).verifyExtendedAt()).isNotNull();
        Assertions.assertThat(task("verifyCase", problem).getDueDate().toInstant().atZone(SHANGHAI).toLocalDate())
                .isEqualTo(oldDue.plusDays(30));

        execute(job("verifyExtendedDeadline", problem));
        Task again = task("reviewOverdueCase", problem);
        Assertions.assertThat(refused(again, Map.of("overdueAction", "EXTEND",
                "newDueDate", oldDue.plusDays(30).toString()))).contains("已延期一次");
        complete(again, withVariables("overdueAction", "URGE", "overdueComment", "限期办结"));
        assertThat(problem).isWaitingAt("verifyCase");
    }

    @Test
    void anOverdueDecisionIsRemindedEscalatedAndExtended() {
        ProcessInstance problem = atVerification("NORTH");
        verify(problem, "ACCOUNTABILITY", ZHANG);
        assertThat(task("decideAccountability", problem)).hasCandidateGroup("case-review")
                .hasDueDate(dueDate(problem, "decisionDueDate"));
        remind(problem, "decision", "decideAccountability", "review1@jiandu.local");

        execute(job("decisionOverdue", problem));
        Assertions.assertThat(mailsOf(problem, "OVERDUE_ESCALATION")).containsExactly("leader1@jiandu.local");
        complete(task("reviewOverdueDecision", problem), withVariables("overdueAction", "EXTEND",
                "newDueDate", OffsetDateTime.now().plusDays(3).toString(), "overdueComment", "延期三天"));
        assertThat(problem).isWaitingAt("decideAccountability", "decisionExtendedDeadline");
    }

    @Test
    void anOverdueDefenceIsRemindedEscalatedAndExtendedByAFullPeriodWithoutADate() {
        ProcessInstance problem = decided("NORTH", "TALK_REMINDER");
        assertThat(task("hearDefence", problem)).hasDueDate(dueDate(problem, "defenceDueDate"));
        remind(problem, "defence", "hearDefence", "review1@jiandu.local");

        execute(job("defenceOverdue", problem));
        Assertions.assertThat(mailsOf(problem, "OVERDUE_ESCALATION")).containsExactly("leader1@jiandu.local");
        complete(task("reviewOverdueDefence", problem), withVariables("overdueAction", "EXTEND", "overdueComment", "再给五日"));
        Assertions.assertThat(task("hearDefence", problem).getDueDate())
                .isAfter(Date.from(OffsetDateTime.now().plusDays(4).toInstant()));
        execute(job("defenceExtendedDeadline", problem));
        complete(task("reviewOverdueDefence", problem), withVariables("overdueAction", "URGE", "overdueComment", "速办"));
        assertThat(problem).isWaitingAt("hearDefence").hasPassed("defenceOverdueHandled");
    }

    // ---- the story's steps ----------------------------------------------------------------------------

    private ProcessInstance report(String zone) {
        return runtimeService.startProcessInstanceByKey("supervisionCase", withVariables(
                "title", "幸福社区未落实封闭管理", "description", "小区出入口无人值守，未测体温、未查验通行证",
                "source", "PUBLIC_REPORT", "unit", "北湖街道幸福社区", "personsInvolved", "社区主任张伟",
                "anonymous", false, "reporterName", "刘某", "reporterPhone", "13800000000",
                "reporterEmail", "reporter@example.cn", "zone", zone));
    }

    private void triage(ProcessInstance problem, String problemType, String severity, String disposal) {
        assertThat(problem).isWaitingAt("triageCase");
        assertThat(task("triageCase", problem)).hasCandidateGroup("case-management");
        String zone = (String) runtimeService.getVariable(problem.getId(), "zone");
        complete(task("triageCase", problem), withVariables("problemType", problemType, "severity", severity,
                "zone", zone, "disposal", disposal, "triageComment", "建议" + disposal));
    }

    private void approveDisposal(ProcessInstance problem) {
        assertThat(problem).isWaitingAt("approveDisposal");
        assertThat(task("approveDisposal", problem)).hasCandidateGroup("leaders");
        complete(task("approveDisposal", problem), withVariables("disposalApproved", true));
    }

    private ProcessInstance atInquiry(String zone) {
        ProcessInstance problem = report(zone);
        triage(problem, "BUCK_PASSING", "MINOR", "TALK_OR_LETTER_INQUIRY");
        approveDisposal(problem);
        assertThat(problem).isWaitingAt("inquireCase");
        return problem;
    }

    private ProcessInstance atVerification(String zone) {
        return atVerification(zone, "BUCK_PASSING", "MINOR");
    }

    private ProcessInstance atVerification(String zone, String problemType, String severity) {
        ProcessInstance problem = report(zone);
        triage(problem, problemType, severity, "PRELIMINARY_VERIFICATION");
        approveDisposal(problem);
        assertThat(problem).isWaitingAt("verifyCase");
        return problem;
    }

    @SafeVarargs
    private void verify(ProcessInstance problem, String outcome, Map<String, Object>... people) {
        verifyWith(problem, outcome, Map.of(), people);
    }

    @SafeVarargs
    private void verifyWith(ProcessInstance problem, String outcome, Map<String, Object> facts,
            Map<String, Object>... people) {
        assertThat(problem).isWaitingAt("verifyCase");
        Map<String, Object> variables = new HashMap<>(Map.of("verificationOutcome", outcome, "findings", "问题属实",
                "persons", personsJson(people)));
        variables.putAll(facts);
        complete(task("verifyCase", problem), variables);
    }

    /** Verified with the director alone, decided with this measure, waiting for the defence. */
    private ProcessInstance decided(String zone, String measure) {
        ProcessInstance problem = atVerification(zone);
        verify(problem, "ACCOUNTABILITY", ZHANG);
        decide(problem, false, measure);
        assertThat(problem).isWaitingAt("hearDefence");
        return problem;
    }

    private void decide(ProcessInstance problem, boolean typical, String... measures) {
        assertThat(problem).isWaitingAt("decideAccountability");
        List<Map<String, Object>> rows = new ArrayList<>(personsVariable(problem));
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("measure", measures[i]);
        }
        complete(task("decideAccountability", problem), withVariables("persons", rows(rows), "typicalCase", typical,
                "decisionReason", "依规依纪逐人提出处理意见"));
    }

    private void hearDefence(ProcessInstance problem, boolean changes) {
        assertThat(problem).isWaitingAt("hearDefence");
        complete(task("hearDefence", problem), withVariables("defenceRecord", "本人陈述申辩：已整改",
                "defenceChangesDecision", changes));
    }

    private void serve(ProcessInstance problem) {
        complete(task("serveDecision", problem), withVariables("servedOn", LocalDate.now(SHANGHAI).toString()));
    }

    private void reviewFaultTolerance(ProcessInstance problem, String outcome, Map<String, Object> criteria) {
        assertThat(problem).isWaitingAt("reviewFaultTolerance");
        Map<String, Object> variables = new HashMap<>(criteria);
        variables.putAll(Map.of("faultToleranceOutcome", outcome, "faultToleranceReason", "三个区分开来审查意见",
                "correctiveMeasures", "完善值守排班，补办台账"));
        complete(task("reviewFaultTolerance", problem), variables);
    }

    private String refusedReview(ProcessInstance problem, String outcome, Map<String, Object> criteria) {
        Map<String, Object> variables = new HashMap<>(criteria);
        variables.putAll(Map.of("faultToleranceOutcome", outcome, "faultToleranceReason", "三个区分开来审查意见"));
        String message = refused(task("reviewFaultTolerance", problem), variables);
        assertThat(problem).isWaitingAt("reviewFaultTolerance");
        return message;
    }

    private String refusedDecision(Task decision, List<Map<String, Object>> rows) {
        return refused(decision, Map.of("persons", rows(rows), "typicalCase", false, "decisionReason", "处理意见"));
    }

    /** The message of a refused completion, which must name the field to correct. */
    private String refused(Task task, Map<String, Object> variables) {
        Exception refused = assertThrows(Exception.class, () -> taskService.complete(task.getId(), variables));
        Throwable cause = rootCause(refused);
        Assertions.assertThat(cause).isInstanceOf(FormFieldValidationException.class);
        return cause.getMessage();
    }

    /** The reminder before the due date goes to whoever works on the step. */
    private void remind(ProcessInstance problem, String stage, String step, String recipient) {
        String reminder = "verify".equals(stage) ? "verifyReminder" : stage + "Reminder";
        String send = "send" + Character.toUpperCase(stage.charAt(0)) + stage.substring(1) + "Reminder";
        execute(job(reminder, problem));
        assertThat(problem).isWaitingAt(step, send);
        execute(job(send, problem));
        Assertions.assertThat(mailsOf(problem, "TASK_REMINDER")).containsExactly(recipient);
    }

    private static Map<String, Object> allCriteria(boolean met) {
        Map<String, Object> criteria = new HashMap<>();
        for (String criterion : List.of("ftPublicInterest", "ftWithinProcedure", "ftNoPersonalGain",
                "ftNoProhibitionBroken", "ftLossRemedied")) {
            criteria.put(criterion, met);
        }
        return criteria;
    }

    private static Map<String, Object> row(Map<String, Object> person, String measure) {
        return Map.of("name", person.get("name"), "unit", person.get("unit"), "measure", measure);
    }

    @SafeVarargs
    private static Object personsJson(Map<String, Object>... people) {
        return rows(List.of(people));
    }

    /** A dynamic list as Tasklist submits it: a Json variable. */
    private static Object rows(List<? extends Map<String, Object>> rows) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The variable persons as the next form would show it. */
    private List<Map<String, Object>> personsVariable(ProcessInstance problem) {
        Object value = runtimeService.getVariable(problem.getId(), "persons");
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object row : JSON.readValue(value.toString(), List.class)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cells = new LinkedHashMap<>((Map<String, Object>) row);
                rows.add(cells);
            }
            return rows;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Date dueDate(ProcessInstance problem, String variable) {
        return (Date) runtimeService.getVariable(problem.getId(), variable);
    }

    private void closeAsync(ProcessInstance problem) {
        assertThat(problem).isWaitingAt("closeCase");
        execute(job("closeCase", problem));
    }

    private String caseNumberOf(ProcessInstance problem) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(problem.getId())
                .singleResult().getBusinessKey();
    }

    private CaseRecord record(ProcessInstance problem) {
        return cases.findByNumber(caseNumberOf(problem)).orElseThrow();
    }

    private List<Person> personsOf(ProcessInstance problem) {
        return persons.list(caseNumberOf(problem));
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private List<String> mailsOf(ProcessInstance problem, String kind) {
        return jdbc.queryForList("SELECT recipients FROM jd_mail_outbox WHERE case_number = ? AND kind = ?",
                String.class, caseNumberOf(problem), kind);
    }
}
