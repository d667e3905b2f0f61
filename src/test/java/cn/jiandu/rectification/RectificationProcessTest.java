package cn.jiandu.rectification;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.jiandu.support.ProcessTestContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Every route of processes/rectification.bpmn (整改督办), driven as the zone's team and leaders drive it in
 * Tasklist, timers fired by hand: the record (jd_rectification, its items and events) and the mails after
 * each story, and the case a failed rectification escalates to.
 */
@ProcessTestContext
class RectificationProcessTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NEXT_CASE = new AtomicInteger((int) (System.nanoTime() % 40_000) + 50_000);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    Rectifications rectifications;
    @Autowired
    RectificationQueries queries;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void engineForAssertions() {
        AbstractAssertions.init(engine);
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    @Test
    void acceptedTheFirstTimeAndSustainedAtTheFollowUp() {
        String caseNumber = servedCase("幸福社区");
        ProcessInstance rectification = start(RectificationOrigin.DECISION, caseNumber, "NORTH", "幸福社区", null);

        assertThat(rectification).isWaitingAt("issueRectificationNotice");
        Task notice = task("issueRectificationNotice", rectification);
        assertThat(notice).hasCandidateGroup("team-north");
        Assertions.assertThat(notice.getDueDate()).isNotNull();
        Assertions.assertThat(view(rectification).state()).isEqualTo(RectificationState.NOTICE_PENDING);

        issueNotice(rectification, today().plusDays(15), "卡口值守制度落实到人", "夜间测温登记全覆盖");
        RectificationView issued = view(rectification);
        Assertions.assertThat(issued.state()).isEqualTo(RectificationState.RECTIFYING);
        Assertions.assertThat(issued.items()).containsExactly("卡口值守制度落实到人", "夜间测温登记全覆盖");
        Assertions.assertThat(issued.deadline()).isEqualTo(today().plusDays(15));
        Assertions.assertThat(issued.firstDeadline()).isEqualTo(today().plusDays(15));
        Assertions.assertThat(issued.noticeIssuedOn()).isEqualTo(today());
        Assertions.assertThat(issued.noticeIssuedBy()).isEqualTo("north1");
        Assertions.assertThat(issued.responsiblePerson()).isEqualTo("王五");
        Assertions.assertThat(issued.unitKind()).isEqualTo("COMMUNITY");
        Task report = task("recordRectificationReport", rectification);
        Assertions.assertThat(report.getDueDate().toInstant()).isEqualTo(
                today().plusDays(15).atTime(23, 59, 59).atZone(SHANGHAI).toInstant());

        report(rectification, today(), "已建立卡口值守排班表，夜间测温登记完整");
        Assertions.assertThat(view(rectification).state()).isEqualTo(RectificationState.CHECKING);
        check(rectification, "ACCEPTED", null, null);

        RectificationView accepted = view(rectification);
        Assertions.assertThat(accepted.state()).isEqualTo(RectificationState.FOLLOW_UP_PENDING);
        Assertions.assertThat(accepted.followUpDue()).isEqualTo(today().plusDays(30));
        assertThat(rectification).isWaitingAt("followUpDue");
        Assertions.assertThat(job("followUpDue", rectification).getDuedate().toInstant())
                .isEqualTo(today().plusDays(30).atStartOfDay(SHANGHAI).toInstant());

        execute(job("followUpDue", rectification));
        followUp(rectification, "SUSTAINED", "实地查看排班表和登记簿，制度持续执行");

        assertThat(rectification).isEnded().hasPassedInOrder("issueRectificationNotice",
                "recordRectificationReport", "checkRectification", "followUpDue", "recordFollowUp",
                "rectificationCompleted").hasNotPassed("openRectificationCase", "reviewOverdueRectification");
        RectificationView done = view(rectification);
        Assertions.assertThat(done.state()).isEqualTo(RectificationState.COMPLETED);
        Assertions.assertThat(done.completedAt()).isNotNull();
        Assertions.assertThat(done.followUpMode()).isEqualTo("ON_SITE");
        Assertions.assertThat(done.followUpResult()).isEqualTo("SUSTAINED");
        Assertions.assertThat(kinds(done)).containsExactly("NOTICE_ISSUED", "REPORTED", "CHECKED", "FOLLOWED_UP");
        Assertions.assertThat(queries.ofCase(caseNumber)).extracting(RectificationView::rectificationNumber)
                .contains(done.rectificationNumber());
    }

    @Test
    void rejectedThenPartlyRectifiedThenAccepted() {
        ProcessInstance rectification = start(RectificationOrigin.INSPECTION, null, "SOUTH", "南门农贸市场", null);
        assertThat(task("issueRectificationNotice", rectification)).hasCandidateGroup("team-south");
        issueNotice(rectification, today().plusDays(10), "活禽区每日消杀并登记");
        report(rectification, today(), "已消杀");

        Throwable noReason = refusal(() -> check(rectification, "REJECTED", null, today().plusDays(10)));
        Assertions.assertThat(noReason).hasMessageContaining("checkReason");
        Assertions.assertThat(((FormFieldValidationException) noReason).<Object>getDetail()).isEqualTo("checkReason");
        Assertions.assertThat(refusal(() -> check(rectification, "REJECTED", "无消杀记录", null)))
                .hasMessageContaining("newDeadline");
        Assertions.assertThat(refusal(() -> check(rectification, "REJECTED", "无消杀记录", today())))
                .hasMessageContaining("须晚于今天");
        Assertions.assertThat(refusal(() -> check(rectification, "REJECTED", "无消杀记录", today().plusYears(2))))
                .hasMessageContaining("最长一年");
        Assertions.assertThat(view(rectification).state()).as("refusals change nothing")
                .isEqualTo(RectificationState.CHECKING);

        check(rectification, "REJECTED", "无消杀记录，登记表空白", today().plusDays(7));
        RectificationView returned = view(rectification);
        Assertions.assertThat(returned.state()).isEqualTo(RectificationState.RECTIFYING);
        Assertions.assertThat(returned.deadline()).isEqualTo(today().plusDays(7));
        Assertions.assertThat(returned.firstDeadline()).isEqualTo(today().plusDays(10));
        Assertions.assertThat(returned.returnedCount()).isEqualTo(1);
        assertThat(rectification).isWaitingAt("recordRectificationReport");
        assertThat(rectification).variables().containsEntry("checkReason", "无消杀记录，登记表空白");

        report(rectification, today(), "补充消杀记录一周");
        check(rectification, "PARTLY", "登记表仍缺夜间时段", today().plusDays(5));
        report(rectification, today(), "夜间时段补齐");
        check(rectification, "ACCEPTED", "整改到位", null);

        RectificationView accepted = view(rectification);
        Assertions.assertThat(accepted.returnedCount()).isEqualTo(2);
        Assertions.assertThat(accepted.checkResult()).isEqualTo("ACCEPTED");
        Assertions.assertThat(accepted.state()).isEqualTo(RectificationState.FOLLOW_UP_PENDING);
        Assertions.assertThat(kinds(accepted)).containsExactly("NOTICE_ISSUED", "REPORTED", "CHECKED", "REPORTED",
                "CHECKED", "REPORTED", "CHECKED");
        Assertions.assertThat(accepted.events().get(2).result()).isEqualTo("REJECTED");
        Assertions.assertThat(accepted.events().get(4).result()).isEqualTo("PARTLY");
        Assertions.assertThat(historyCount(rectification, "recordRectificationReport")).isEqualTo(3);
    }

    @Test
    void overdueIsRemindedThenLeadersUrgeAndTheUnitReports() {
        ProcessInstance rectification = start(RectificationOrigin.INSPECTION, null, "NORTH", "东方超市", null);
        issueNotice(rectification, today().plusDays(3), "出入口扫码测温");
        String number = rectification.getBusinessKey();

        execute(job("rectificationReminder", rectification));
        execute(job("sendRectificationReminder", rectification));
        Assertions.assertThat(mail(RectificationMails.REMINDER, number)).contains("north1@jiandu.local")
                .doesNotContain("south1@jiandu.local");
        Assertions.assertThat(mailText(RectificationMails.REMINDER, number)).contains("督促被整改单位按期报告");

        execute(job("rectificationOverdue", rectification));
        assertThat(rectification).isWaitingAt("reviewOverdueRectification");
        assertThat(task("reviewOverdueRectification", rectification)).hasCandidateGroup("leaders");
        Assertions.assertThat(mail(RectificationMails.OVERDUE_REVIEW, number)).contains("leader1@jiandu.local");
        Assertions.assertThat(mailText(RectificationMails.OVERDUE_REVIEW, number)).contains("/tasks/");
        Assertions.assertThat(refusal(() -> reviewOverdue(rectification, "URGE", null, null)))
                .hasMessageContaining("overdueComment");

        reviewOverdue(rectification, "URGE", null, "限期一周内完成");

        assertThat(rectification).isWaitingAt("recordRectificationReport");
        RectificationView urged = view(rectification);
        Assertions.assertThat(urged.deadline()).isEqualTo(today().plusDays(7));
        Assertions.assertThat(urged.firstDeadline()).isEqualTo(today().plusDays(3));
        Assertions.assertThat(mail(RectificationMails.URGED, number)).contains("north1@jiandu.local");
        Assertions.assertThat(mailText(RectificationMails.URGED, number)).contains("限期一周内完成",
                "/tasks/" + task("recordRectificationReport", rectification).getId(), "整改编号：" + number);
        Assertions.assertThat(task("recordRectificationReport", rectification).getDueDate().toInstant())
                .isEqualTo(today().plusDays(7).atTime(23, 59, 59).atZone(SHANGHAI).toInstant());

        report(rectification, today(), "已落实扫码测温");
        assertThat(rectification).isWaitingAt("checkRectification")
                .hasPassed("rectificationReminded", "reviewOverdueRectification");
        Assertions.assertThat(kinds(view(rectification))).containsExactly("NOTICE_ISSUED", "REMINDED", "URGED",
                "REPORTED");
    }

    @Test
    void overdueLeadersExtendTheDeadline() {
        ProcessInstance rectification = start(RectificationOrigin.INSPECTION, null, "NORTH", "北苑社区", null);
        issueNotice(rectification, today().plusDays(3), "重点人员台账补全");
        execute(job("rectificationOverdue", rectification));

        Throwable noDate = refusal(() -> reviewOverdue(rectification, "EXTEND", null, "同意延期"));
        Assertions.assertThat(noDate).hasMessageContaining("newDeadline");
        Assertions.assertThat(((FormFieldValidationException) noDate).<Object>getDetail()).isEqualTo("newDeadline");
        reviewOverdue(rectification, "EXTEND", today().plusDays(20), "台账涉及人员多，同意延期");

        assertThat(rectification).isWaitingAt("recordRectificationReport");
        RectificationView extended = view(rectification);
        Assertions.assertThat(extended.deadline()).isEqualTo(today().plusDays(20));
        Assertions.assertThat(extended.state()).isEqualTo(RectificationState.RECTIFYING);
        Assertions.assertThat(extended.events().get(extended.events().size() - 1).kind()).isEqualTo("EXTENDED");
        Assertions.assertThat(mail(RectificationMails.URGED, rectification.getBusinessKey())).isEmpty();
    }

    @Test
    void overdueLeadersOpenACaseAgainstTheResponsiblePerson() {
        String caseNumber = servedCase("西关社区");
        ProcessInstance rectification = start(RectificationOrigin.DECISION, caseNumber, "NORTH", "西关社区", null);
        issueNotice(rectification, today().plusDays(3), "落实网格员包保责任");
        execute(job("rectificationOverdue", rectification));
        reviewOverdue(rectification, "OPEN_CASE", null, "多次督促仍未整改");

        assertThat(rectification).isWaitingAt("openRectificationCase");
        execute(job("openRectificationCase", rectification));

        assertThat(rectification).isEnded().hasPassed("rectificationEscalated");
        RectificationView escalated = view(rectification);
        Assertions.assertThat(escalated.state()).isEqualTo(RectificationState.ESCALATED);
        Assertions.assertThat(escalated.completedAt()).isNotNull();
        Map<String, Object> opened = caseRow(escalated.escalatedCaseNumber());
        Assertions.assertThat(opened.get("source")).isEqualTo("HIGHER_REFERRAL");
        Assertions.assertThat(opened.get("problem_type")).isEqualTo("FORMALISM_BUREAUCRATISM");
        Assertions.assertThat(opened.get("unit")).isEqualTo("西关社区");
        Assertions.assertThat(opened.get("title")).isEqualTo("整改不实不力：西关社区");
        Assertions.assertThat(opened.get("persons_involved")).isEqualTo("王五（社区书记）");
        Assertions.assertThat(opened.get("reported_by")).isEqualTo("leader1");
        Assertions.assertThat((String) opened.get("description")).contains(escalated.rectificationNumber(),
                caseNumber, "落实网格员包保责任", "多次督促仍未整改");
        Assertions.assertThat(kinds(escalated)).endsWith("ESCALATED");
        Assertions.assertThat(queries.ofCase(escalated.escalatedCaseNumber()))
                .extracting(RectificationView::rectificationNumber).containsExactly(escalated.rectificationNumber());
    }

    @Test
    void aRetryAfterTheCaseWasOpenedOpensNothingNew() {
        ProcessInstance rectification = start(RectificationOrigin.INSPECTION, null, "NORTH", "东关社区", null);
        issueNotice(rectification, today().plusDays(3), "隔离点物资台账");
        execute(job("rectificationOverdue", rectification));
        reviewOverdue(rectification, "OPEN_CASE", null, "拒不整改");
        // As an earlier try that opened the case and then failed to finish would have left it.
        String opened = servedCase("东关社区");
        jdbc.update("UPDATE jd_rectification SET escalated_case_number = ? WHERE rectification_number = ?", opened,
                rectification.getBusinessKey());
        int casesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Integer.class);

        execute(job("openRectificationCase", rectification));

        assertThat(rectification).isEnded().hasPassed("rectificationEscalated");
        assertThat(rectification).variables().containsEntry("escalatedCaseNumber", opened);
        Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Integer.class)).isEqualTo(casesBefore);
        Assertions.assertThat(view(rectification).escalatedCaseNumber()).isEqualTo(opened);
    }

    @Test
    void aRelapseAtTheFollowUpOpensACase() {
        ProcessInstance rectification = start(RectificationOrigin.INSPECTION, null, "SOUTH", "南湖小区", null);
        issueNotice(rectification, today().plusDays(10), "垃圾分类点每日清运");
        report(rectification, today(), "已安排每日清运");
        check(rectification, "ACCEPTED", null, null);
        execute(job("followUpDue", rectification));

        Assertions.assertThat(refusal(() -> followUp(rectification, "RELAPSED", null)))
                .hasMessageContaining("followUpFindings");
        followUp(rectification, "RELAPSED", "视频连线发现清运再次中断三天");
        execute(job("openRectificationCase", rectification));

        assertThat(rectification).isEnded().hasPassedInOrder("recordFollowUp", "followUpResultGateway",
                "openRectificationCase", "rectificationEscalated");
        RectificationView escalated = view(rectification);
        Map<String, Object> opened = caseRow(escalated.escalatedCaseNumber());
        Assertions.assertThat(opened.get("source")).isEqualTo("INSPECTION");
        Assertions.assertThat(opened.get("reported_by")).isEqualTo("south1");
        Assertions.assertThat((String) opened.get("description")).contains("问题反弹", "清运再次中断");
        Assertions.assertThat(escalated.state()).isEqualTo(RectificationState.ESCALATED);
        Assertions.assertThat(kinds(escalated)).containsExactly("NOTICE_ISSUED", "REPORTED", "CHECKED",
                "FOLLOWED_UP", "ESCALATED");
    }

    @Test
    void eachTeamStepPastItsDueDateIsRemindedToTheTeamAndLeaders() {
        ProcessInstance rectification = start(RectificationOrigin.INSPECTION, null, "NORTH", "北站社区", null);
        String number = rectification.getBusinessKey();
        execute(job("noticeOverdue", rectification));
        execute(job("remindNoticeOverdue", rectification));
        Assertions.assertThat(mail(RectificationMails.STEP_OVERDUE, number)).contains("north1@jiandu.local",
                "leader1@jiandu.local");
        // The team's mail opens its task; leaders, who have none there, get the rectification's page.
        String notice = task("issueRectificationNotice", rectification).getId();
        List<Map<String, Object>> overdue = jdbc.queryForList("SELECT recipients, text_body, case_number FROM jd_mail_outbox"
                + " WHERE kind = ? AND subject LIKE ? ORDER BY id", RectificationMails.STEP_OVERDUE, "%" + number + "%");
        Assertions.assertThat(overdue).hasSize(2);
        Assertions.assertThat((String) overdue.get(0).get("RECIPIENTS")).contains("north1@jiandu.local")
                .doesNotContain("leader1@jiandu.local");
        Assertions.assertThat((String) overdue.get(0).get("TEXT_BODY")).contains("/tasks/" + notice);
        Assertions.assertThat((String) overdue.get(1).get("RECIPIENTS")).contains("leader1@jiandu.local")
                .doesNotContain("north1@jiandu.local");
        Assertions.assertThat((String) overdue.get(1).get("TEXT_BODY")).contains("查看整改督办情况", "/units?name=")
                .doesNotContain("/tasks/");
        Assertions.assertThat(overdue).extracting(row -> row.get("CASE_NUMBER")).as("an inspection's: no case")
                .containsOnlyNulls();

        issueNotice(rectification, today().plusDays(10), "核酸检测点秩序维护");
        report(rectification, today(), "已增派志愿者");
        execute(job("checkOverdue", rectification));
        execute(job("remindCheckOverdue", rectification));
        check(rectification, "ACCEPTED", null, null);
        execute(job("followUpDue", rectification));
        execute(job("followUpOverdue", rectification));
        execute(job("remindFollowUpOverdue", rectification));
        followUp(rectification, "SUSTAINED", "秩序良好");

        assertThat(rectification).isEnded().hasPassed("noticeOverdueReminded", "checkOverdueReminded",
                "followUpOverdueReminded");
        // Each overdue step: one mail to the team (opening its task), one to leaders (the rectification's page).
        Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_mail_outbox WHERE kind = ? AND subject LIKE ?",
                Integer.class, RectificationMails.STEP_OVERDUE, "%" + number + "%")).isEqualTo(6);
        Assertions.assertThat(kinds(view(rectification)).stream().filter("REMINDED"::equals)).hasSize(3);
    }

    @Test
    void aFindingToRectifyWithinDaysProposesItsItemAndDeadline() {
        ProcessInstance rectification = start(RectificationOrigin.INSPECTION, null, "NORTH", "北门药店", 10);
        assertThat(rectification).variables().containsEntry("deadline", today().plusDays(10).toString())
                .containsEntry("summary", "未落实购药实名登记");
        Assertions.assertThat(runtimeService.getVariable(rectification.getId(), "items").toString())
                .contains("未落实购药实名登记");
    }

    @Test
    void aNoticeWithoutWhatItNeedsIsRefusedFieldByField() {
        ProcessInstance rectification = start(RectificationOrigin.INSPECTION, null, "NORTH", "北门菜场", null);
        Map<String, Object> notice = notice(today().minusDays(1), "摊位间距一米线");
        Throwable past = refusal(() -> complete("north1", "team-north", task("issueRectificationNotice",
                rectification), notice));
        Assertions.assertThat(past).hasMessageContaining("deadline").hasMessageContaining("须晚于今天");

        notice.put("deadline", today().plusDays(5).toString());
        notice.put("responsiblePerson", " ");
        Assertions.assertThat(refusal(() -> complete("north1", "team-north", task("issueRectificationNotice",
                rectification), notice))).hasMessageContaining("responsiblePerson");
        notice.put("responsiblePerson", "王五");
        notice.put("items", "[]");
        Assertions.assertThat(refusal(() -> complete("north1", "team-north", task("issueRectificationNotice",
                rectification), notice))).hasMessageContaining("items");
        notice.put("items", "[{\"content\": \"\"}]");
        Assertions.assertThat(refusal(() -> complete("north1", "team-north", task("issueRectificationNotice",
                rectification), notice))).hasMessageContaining("第 1 行");
        notice.put("items", "[{\"content\": \"摊位间距一米线\"}]");
        notice.put("unitKind", "PALACE");
        Assertions.assertThat(refusal(() -> complete("north1", "team-north", task("issueRectificationNotice",
                rectification), notice))).hasMessageContaining("unitKind");

        assertThat(rectification).isWaitingAt("issueRectificationNotice");
        RectificationView untouched = view(rectification);
        Assertions.assertThat(untouched.state()).isEqualTo(RectificationState.NOTICE_PENDING);
        Assertions.assertThat(untouched.items()).isEmpty();
        Assertions.assertThat(untouched.events()).isEmpty();

        issueNotice(rectification, today().plusDays(5), "摊位间距一米线");
        Assertions.assertThat(refusal(() -> report(rectification, today().plusDays(1), "提前报告")))
                .hasMessageContaining("reportedOn");
        Assertions.assertThat(refusal(() -> report(rectification, today().minusDays(1), "早于通知")))
                .hasMessageContaining("不能早于下发整改通知的日期");
    }

    // ---- the story's steps ------------------------------------------------------------------------

    private ProcessInstance start(RectificationOrigin origin, String caseNumber, String zone, String unit,
            Integer deadlineDays) {
        String summary = deadlineDays == null ? unit + "疫情防控措施落实不到位" : "未落实购药实名登记";
        String number = rectifications.start(new NewRectification(origin, caseNumber, null, null, zone, unit,
                null, "INEFFECTIVE_PREVENTION", summary, deadlineDays, "north1"));
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    private void issueNotice(ProcessInstance rectification, LocalDate deadline, String... items) {
        Task task = task("issueRectificationNotice", rectification);
        String[] team = team(task);
        complete(team[0], team[1], task, notice(deadline, items));
    }

    private Map<String, Object> notice(LocalDate deadline, String... items) {
        StringBuilder rows = new StringBuilder("[");
        for (String item : items) {
            rows.append(rows.length() > 1 ? "," : "").append("{\"content\":\"").append(item).append("\"}");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("items", rows.append("]").toString());
        variables.put("deadline", deadline.toString());
        variables.put("requirements", "举一反三，建立长效机制，书面报告整改情况并附佐证材料");
        variables.put("responsiblePerson", "王五");
        variables.put("responsiblePost", "社区书记");
        variables.put("unitKind", "COMMUNITY");
        return variables;
    }

    private void report(ProcessInstance rectification, LocalDate reportedOn, String summary) {
        Task task = task("recordRectificationReport", rectification);
        String[] team = team(task);
        complete(team[0], team[1], task, Map.of("reportedOn", reportedOn.toString(), "reportSummary", summary));
    }

    private void check(ProcessInstance rectification, String result, String reason, LocalDate newDeadline) {
        Task task = task("checkRectification", rectification);
        Map<String, Object> variables = new HashMap<>();
        variables.put("checkResult", result);
        variables.put("checkReason", reason);
        variables.put("newDeadline", newDeadline == null ? null : newDeadline.toString());
        String[] team = team(task);
        complete(team[0], team[1], task, variables);
    }

    private void reviewOverdue(ProcessInstance rectification, String action, LocalDate newDeadline, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("overdueAction", action);
        variables.put("newDeadline", newDeadline == null ? null : newDeadline.toString());
        variables.put("overdueComment", comment);
        complete("leader1", "leaders", task("reviewOverdueRectification", rectification), variables);
    }

    private void followUp(ProcessInstance rectification, String result, String findings) {
        Task task = task("recordFollowUp", rectification);
        Map<String, Object> variables = new HashMap<>();
        variables.put("followUpOn", today().toString());
        variables.put("followUpMode", result.equals("RELAPSED") ? "VIDEO" : "ON_SITE");
        variables.put("followUpResult", result);
        variables.put("followUpFindings", findings);
        String[] team = team(task);
        complete(team[0], team[1], task, variables);
    }

    /** The zone's team member who works the task: north1 or south1. */
    private String[] team(Task task) {
        boolean south = taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> "team-south".equals(link.getGroupId()));
        return south ? new String[] {"south1", "team-south"} : new String[] {"north1", "team-north"};
    }

    private void complete(String user, String group, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private RectificationView view(ProcessInstance rectification) {
        return queries.byNumber(rectification.getBusinessKey()).orElseThrow();
    }

    private static List<String> kinds(RectificationView view) {
        return view.events().stream().map(RectificationView.Event::kind).toList();
    }

    /** A case whose decision was served, as a rectification of origin DECISION meets it. */
    private String servedCase(String unit) {
        String number = "JD-2026-" + NEXT_CASE.incrementAndGet();
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, stage, outcome, zone,
                    reported_at, updated_at)
                VALUES (?, '卡口无人值守', '夜间卡口无人值守，未测体温', 'HOTLINE', ?, FALSE, 'CLOSED', 'ACCOUNTABILITY',
                    'NORTH', ?, ?)""", number, unit, now, now);
        return number;
    }

    private Map<String, Object> caseRow(String caseNumber) {
        Assertions.assertThat(caseNumber).isNotNull();
        return jdbc.queryForMap("SELECT source, problem_type, unit, title, description, persons_involved, reported_by "
                + "FROM jd_case WHERE case_number = ?", caseNumber);
    }

    /** The mails of a rectification: filed under its case, if any, and named by its number in the subject. */
    private String mail(String kind, String number) {
        return String.join(";", jdbc.queryForList("SELECT recipients FROM jd_mail_outbox WHERE kind = ? AND subject LIKE ?",
                String.class, kind, "%" + number + "%"));
    }

    private String mailText(String kind, String number) {
        return String.join(";", jdbc.queryForList("SELECT text_body FROM jd_mail_outbox WHERE kind = ? AND subject LIKE ?",
                String.class, kind, "%" + number + "%"));
    }

    private long historyCount(ProcessInstance rectification, String activity) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(rectification.getId()).activityId(activity).count();
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
