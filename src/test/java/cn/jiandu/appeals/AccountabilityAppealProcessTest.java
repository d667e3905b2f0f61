package cn.jiandu.appeals;

import static cn.jiandu.appeals.DecidedCases.today;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.support.ProcessTestContext;
import java.time.LocalDate;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every route of processes/accountability-appeal.bpmn, driven as Tasklist drives it: case-review records
 * an appeal received in writing, reviews it, leaders approve or return; the outcome lands on the person,
 * the notice and in the mails.
 */
@ProcessTestContext
class AccountabilityAppealProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AppealRepository appeals;
    @Autowired
    PersonRepository persons;
    @Autowired
    JdbcTemplate jdbc;
    DecidedCases cases;

    @BeforeEach
    void engineForAssertions() {
        AbstractAssertions.init(engine);
        cases = new DecidedCases(jdbc, persons);
    }

    @Test
    void anUpheldDecisionStandsAndTheOfficeIsTold() {
        String caseNumber = cases.caseServedOn(today().minusDays(10), Measure.CIRCULATED_CRITICISM, Measure.ADMONISHMENT);
        ProcessInstance appeal = file(caseNumber, "张三", today().minusDays(3));

        assertThat(appeal).isWaitingAt("reviewAppeal").hasPassed("registerAppeal");
        Assertions.assertThat(appeal.getBusinessKey()).isEqualTo(caseNumber + "-A1");
        Task review = task("reviewAppeal", appeal);
        assertThat(review).hasCandidateGroup("case-review");
        Assertions.assertThat(review.getDueDate().toInstant()).isEqualTo(
                today().minusDays(3).plusMonths(1).plusDays(1).atStartOfDay(DecidedCases.SHANGHAI).toInstant());
        Appeal stored = appeals.find(appeal.getBusinessKey()).orElseThrow();
        Assertions.assertThat(stored.appealedMeasure()).isEqualTo(Measure.CIRCULATED_CRITICISM);
        Assertions.assertThat(stored.outcome()).isNull();

        review("review1", appeal, Map.of("appealOutcome", "UPHELD", "reviewReason", "事实清楚，问责适当"));
        approve("leader1", appeal, true, null);
        execute(job("notifyAppealOutcome", appeal));

        assertThat(appeal).isEnded().hasPassedInOrder("reviewAppeal", "approveAppeal", "applyAppealDecision",
                "notifyAppealOutcome", "appealDecided");
        stored = appeals.find(appeal.getBusinessKey()).orElseThrow();
        Assertions.assertThat(stored.outcome()).isEqualTo(AppealOutcome.UPHELD);
        Assertions.assertThat(stored.reviewedBy()).isEqualTo("review1");
        Assertions.assertThat(stored.approvedBy()).isEqualTo("leader1");
        Assertions.assertThat(stored.decidedAt()).isNotNull();
        Assertions.assertThat(cases.measureOf(caseNumber, 1)).isEqualTo(Measure.CIRCULATED_CRITICISM);
        Assertions.assertThat(mail("APPEAL_OUTCOME", caseNumber)).contains("office1@jiandu.local", "review1@jiandu.local");
    }

    @Test
    void aChangedDecisionGivesThePersonTheNewMeasure() {
        String caseNumber = cases.caseServedOn(today().minusDays(20), Measure.ADMONISHMENT, Measure.TALK_REMINDER);
        ProcessInstance appeal = file(caseNumber, "张三", today());

        Assertions.assertThat(refusal(() -> review("review1", appeal, Map.of("appealOutcome", "CHANGED",
                "reviewReason", "情节较轻")))).hasMessageContaining("newMeasure");
        Assertions.assertThat(refusal(() -> review("review1", appeal, Map.of("appealOutcome", "CHANGED",
                "newMeasure", "ADMONISHMENT", "reviewReason", "情节较轻")))).hasMessageContaining("维持");
        review("review1", appeal, Map.of("appealOutcome", "CHANGED", "newMeasure", "CRITICISM_EDUCATION",
                "reviewReason", "及时整改，情节较轻"));
        approve("leader1", appeal, true, null);
        execute(job("notifyAppealOutcome", appeal));

        assertThat(appeal).isEnded();
        Assertions.assertThat(cases.measureOf(caseNumber, 1)).isEqualTo(Measure.CRITICISM_EDUCATION);
        Assertions.assertThat(cases.measureOf(caseNumber, 2)).isEqualTo(Measure.TALK_REMINDER);
        Appeal stored = appeals.find(appeal.getBusinessKey()).orElseThrow();
        Assertions.assertThat(stored.outcome()).isEqualTo(AppealOutcome.CHANGED);
        Assertions.assertThat(stored.newMeasure()).isEqualTo(Measure.CRITICISM_EDUCATION);
        Assertions.assertThat(stored.appealedMeasure()).isEqualTo(Measure.ADMONISHMENT);
    }

    @Test
    void aRevokedDecisionWithdrawsTheNoticeOnceNobodyOfTheCaseIsHeldAccountable() {
        String caseNumber = cases.caseServedOn(today().minusDays(5), Measure.CIRCULATED_CRITICISM, Measure.NONE);
        cases.publishNotice(caseNumber);
        ProcessInstance appeal = file(caseNumber, "张三", today());

        review("review1", appeal, Map.of("appealOutcome", "REVOKED", "newMeasure", "ADMONISHMENT",
                "reviewReason", "问责事实不清"));
        approve("leader1", appeal, true, "同意撤销");
        execute(job("notifyAppealOutcome", appeal));

        assertThat(appeal).isEnded();
        Assertions.assertThat(cases.measureOf(caseNumber, 1)).isEqualTo(Measure.NONE);
        Appeal stored = appeals.find(appeal.getBusinessKey()).orElseThrow();
        Assertions.assertThat(stored.outcome()).isEqualTo(AppealOutcome.REVOKED);
        Assertions.assertThat(stored.newMeasure()).as("a measure picked before choosing revoke").isNull();
        Assertions.assertThat(stored.noticeWithdrawn()).isTrue();
        Map<String, Object> notice = jdbc.queryForMap(
                "SELECT withdrawn_at, withdrawn_by, withdrawn_reason FROM jd_notice WHERE case_number = ?", caseNumber);
        Assertions.assertThat(notice.get("withdrawn_at")).isNotNull();
        Assertions.assertThat(notice.get("withdrawn_by")).isEqualTo("leader1");
        Assertions.assertThat(notice.get("withdrawn_reason")).isEqualTo("问责决定经申诉复查被撤销");
        Assertions.assertThat(mailText("APPEAL_OUTCOME", caseNumber)).contains("撤销", "通报曝光已撤回");
    }

    @Test
    void aRevocationLeavesTheNoticeWhileSomeoneOfTheCaseIsStillHeldAccountable() {
        String caseNumber = cases.caseServedOn(today().minusDays(5), Measure.CIRCULATED_CRITICISM, Measure.ADMONISHMENT);
        cases.publishNotice(caseNumber);
        ProcessInstance appeal = file(caseNumber, "张三", today());
        review("review1", appeal, Map.of("appealOutcome", "REVOKED", "reviewReason", "问责事实不清"));
        approve("leader1", appeal, true, null);

        Assertions.assertThat(cases.measureOf(caseNumber, 1)).isEqualTo(Measure.NONE);
        Assertions.assertThat(appeals.find(appeal.getBusinessKey()).orElseThrow().noticeWithdrawn()).isFalse();
        Assertions.assertThat(jdbc.queryForObject("SELECT withdrawn_at FROM jd_notice WHERE case_number = ?",
                Object.class, caseNumber)).isNull();
    }

    @Test
    void leadersReturnTheReviewWithAReasonAndApproveTheSecond() {
        String caseNumber = cases.caseServedOn(today().minusDays(5), Measure.ORDERED_INSPECTION, Measure.NONE);
        ProcessInstance appeal = file(caseNumber, "张三", today());
        review("review1", appeal, Map.of("appealOutcome", "UPHELD", "reviewReason", "维持"));

        Assertions.assertThat(refusal(() -> approve("leader1", appeal, false, null)))
                .hasMessageContaining("approvalComment");
        Assertions.assertThat(refusal(() -> approve("leader1", appeal, null, null)))
                .hasMessageContaining("appealApproved");
        approve("leader1", appeal, false, "申诉人提出的整改情况未核实，请补充");

        assertThat(appeal).isWaitingAt("reviewAppeal");
        assertThat(appeal).variables().containsEntry("approvalComment", "申诉人提出的整改情况未核实，请补充");
        review("review1", appeal, Map.of("appealOutcome", "UPHELD", "reviewReason", "经核实整改不到位，维持"));
        approve("leader1", appeal, true, null);
        execute(job("notifyAppealOutcome", appeal));

        assertThat(appeal).isEnded().hasPassed("appealApprovedGateway");
        Assertions.assertThat(historyCount(appeal, "reviewAppeal")).isEqualTo(2);
        Assertions.assertThat(appeals.find(appeal.getBusinessKey()).orElseThrow().reviewReason())
                .isEqualTo("经核实整改不到位，维持");
    }

    @Test
    void anAppealOutOfTimeIsRefusedAndLeavesNothing() {
        LocalDate served = today().minusMonths(2);
        String caseNumber = cases.caseServedOn(served, Measure.ADMONISHMENT, Measure.NONE);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("accountabilityAppeal").count();

        Throwable late = refusal(() -> file(caseNumber, "张三", served.plusMonths(1).plusDays(1)));
        Assertions.assertThat(late).hasMessageContaining("申诉已超过期限").hasMessageContaining("不予受理");
        Assertions.assertThat(((FormFieldValidationException) late).<Object>getDetail()).isEqualTo("receivedOn");
        Assertions.assertThat(refusal(() -> file(caseNumber, "李四", today()))).hasMessageContaining("未被问责");
        Assertions.assertThat(refusal(() -> file(caseNumber, "王五", today()))).hasMessageContaining("没有“王五”");
        Assertions.assertThat(refusal(() -> file("JD-2026-00000", "张三", today()))).hasMessageContaining("没有编号");

        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("accountabilityAppeal")
                .count()).isEqualTo(before);
        Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_appeal WHERE case_number = ?",
                Integer.class, caseNumber)).isZero();

        // The last day of the month after service is still in time.
        ProcessInstance onTime = file(caseNumber, "张三", served.plusMonths(1));
        assertThat(onTime).isWaitingAt("reviewAppeal");
        Assertions.assertThat(refusal(() -> file(caseNumber, "张三", today()))).hasMessageContaining("只受理一次");
    }

    @Test
    void anOverdueReviewIsRemindedThenEscalatedToLeaders() {
        String caseNumber = cases.caseServedOn(today().minusDays(45), Measure.ADMONISHMENT, Measure.NONE);
        ProcessInstance appeal = file(caseNumber, "张三", today().minusDays(40));

        execute(job("appealReviewReminder", appeal));
        execute(job("sendAppealReminder", appeal));
        Assertions.assertThat(mail("TASK_REMINDER", appeal.getBusinessKey())).contains("review1@jiandu.local");

        execute(job("appealReviewOverdue", appeal));
        execute(job("escalateOverdueAppeal", appeal));

        assertThat(appeal).isWaitingAt("reviewAppeal").hasPassed("appealOverdueEscalated", "appealReminderSent");
        Assertions.assertThat(mail("APPEAL_OVERDUE", caseNumber)).contains("leader1@jiandu.local");
        Task review = task("reviewAppeal", appeal);
        Assertions.assertThat(taskService.getTaskComments(review.getId()))
                .anySatisfy(c -> Assertions.assertThat(c.getFullMessage()).contains("逾期"));

        // Escalated, not taken away: case-review still decides.
        review("review1", appeal, Map.of("appealOutcome", "UPHELD", "reviewReason", "维持"));
        approve("leader1", appeal, true, null);
        execute(job("notifyAppealOutcome", appeal));
        assertThat(appeal).isEnded();
    }

    // ---- the story's steps ------------------------------------------------------------------------

    private ProcessInstance file(String caseNumber, String personName, LocalDate receivedOn) {
        identityService.setAuthentication("review1", List.of("case-review"));
        try {
            return runtimeService.startProcessInstanceByKey("accountabilityAppeal", Map.of("caseNumber", caseNumber,
                    "personName", personName, "receivedOn", receivedOn.toString(),
                    "appealReason", "本人已及时整改，问责过重"));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void review(String user, ProcessInstance appeal, Map<String, Object> variables) {
        complete(user, "case-review", task("reviewAppeal", appeal), variables);
    }

    private void approve(String user, ProcessInstance appeal, Boolean approved, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("appealApproved", approved);
        variables.put("approvalComment", comment);
        complete(user, "leaders", task("approveAppeal", appeal), variables);
    }

    private void complete(String user, String group, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String mail(String kind, String caseNumber) {
        return String.join(";", jdbc.queryForList("SELECT recipients FROM jd_mail_outbox WHERE kind = ? AND case_number = ?",
                String.class, kind, caseNumber));
    }

    private String mailText(String kind, String caseNumber) {
        return String.join(";", jdbc.queryForList("SELECT text_body FROM jd_mail_outbox WHERE kind = ? AND case_number = ?",
                String.class, kind, caseNumber));
    }

    private long historyCount(ProcessInstance appeal, String activity) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(appeal.getId())
                .activityId(activity).count();
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
