package cn.jiandu.notices;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.notices.TypicalCases.Named;
import cn.jiandu.support.ProcessTestContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every route of processes/notice-bulletin.bpmn, driven as Tasklist drives it: publicity picks typical cases
 * waiting at NOTICE, Jiandu drafts the bulletin from the record, publicity edits it, leaders return or
 * approve it, and its publication names each case in public, mails it and closes each case.
 */
@ProcessTestContext
class NoticeBulletinProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    PersonRepository persons;
    @Autowired
    BulletinPublication publication;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebApplicationContext web;
    TypicalCases cases;
    MockMvc mvc;

    @BeforeEach
    void engineForAssertions() {
        AbstractAssertions.init(engine);
        cases = new TypicalCases(jdbc, persons, runtimeService);
        mvc = MockMvcBuilders.webAppContextSetup(web).build();
    }

    @Test
    void threeTypicalCasesAreNamedInOneBulletinReturnedOnceThenPublishedAndEachCaseCloses() throws Exception {
        String checkpoint = cases.waitingForBulletin("幸福社区", "卡口无人值守", "夜间卡口无人值守，未测体温、未查验健康码",
                new Named("张三", "网格员", Responsibility.DIRECT, Measure.CIRCULATED_CRITICISM),
                new Named("李四", "社区党委书记", Responsibility.PRINCIPAL_LEADERSHIP, Measure.ADMONISHMENT));
        String ledger = cases.waitingForBulletin("北湖街道", "防控台账层层加码、重复填报", "要求社区每日重复填报表格十余张",
                new Named("王五", "街道办副主任", Responsibility.IMPORTANT_LEADERSHIP, Measure.CRITICISM_EDUCATION));
        String supplies = cases.waitingForBulletin("城南市场监管所", "防疫物资检查走过场", "对药店防疫物资价格检查只签字不核查",
                new Named("赵六", "所长", Responsibility.DIRECT, Measure.ORDERED_INSPECTION));

        ProcessInstance bulletin = request(checkpoint + "\n" + ledger + "，" + supplies,
                "关于3起疫情防控工作中形式主义官僚主义典型问题的通报");

        assertThat(bulletin).isWaitingAt("draftNotice").hasPassed("registerBulletin");
        assertThat(task("draftNotice", bulletin)).hasCandidateGroup("publicity");
        String drafted = (String) runtimeService.getVariable(bulletin.getId(), "bulletinBody");
        Assertions.assertThat(drafted).contains("三起", checkpoint, ledger, supplies, "夜间卡口无人值守",
                "张三（幸福社区网格员）负有直接责任，受到通报批评处理",
                "李四（幸福社区社区党委书记）负有主要领导责任，受到诫勉处理",
                "王五（北湖街道街道办副主任）负有重要领导责任，受到批评教育处理",
                "赵六（城南市场监管所所长）负有直接责任，受到责令检查处理");
        Assertions.assertThat(runtimeService.getVariable(bulletin.getId(), "caseNumbers"))
                .isEqualTo(checkpoint + "\n" + ledger + "\n" + supplies);

        Assertions.assertThat(refusal(() -> draft(bulletin, "通报", " "))).hasMessageContaining("bulletinBody");
        draft(bulletin, "关于3起疫情防控工作中形式主义官僚主义典型问题的通报", drafted);

        assertThat(task("approveNotice", bulletin)).hasCandidateGroup("leaders");
        Assertions.assertThat(runtimeService.getVariable(bulletin.getId(), "bulletinPersons").toString())
                .as("the leaders' form shows every person the bulletin names, with responsibility and measure")
                .contains("{\"caseNumber\":\"" + checkpoint + "\",\"name\":\"张三\",\"unit\":\"幸福社区\","
                        + "\"post\":\"网格员\",\"responsibility\":\"直接责任\",\"measure\":\"通报批评\"}")
                .contains("\"name\":\"李四\"", "主要领导责任", "诫勉", "\"name\":\"王五\"", "重要领导责任",
                        "批评教育", "\"name\":\"赵六\"", "责令检查");
        Assertions.assertThat(refusal(() -> approve(bulletin, false, null))).hasMessageContaining("approvalComment");
        Assertions.assertThat(refusal(() -> approve(bulletin, null, null))).hasMessageContaining("noticeApproved");
        approve(bulletin, false, "第二起问题请写明台账数量");

        assertThat(bulletin).isWaitingAt("draftNotice");
        assertThat(bulletin).variables().containsEntry("approvalComment", "第二起问题请写明台账数量");
        String revised = drafted.replace("要求社区每日重复填报表格十余张", "要求社区每日重复填报表格12张");
        draft(bulletin, "关于3起疫情防控工作中形式主义官僚主义典型问题的通报", revised);
        approve(bulletin, true, "同意发布");
        assertThat(bulletin).isWaitingAt("publishBulletin");
        Assertions.assertThat(cases.stageOf(checkpoint)).as("nothing is public before the job runs").isEqualTo("NOTICE");

        execute(job("publishBulletin", bulletin));

        assertThat(bulletin).isEnded().hasPassedInOrder("registerBulletin", "draftNotice", "approveNotice",
                "draftNotice", "approveNotice", "publishBulletin", "bulletinPublished");
        Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM jd_bulletin WHERE process_instance_id = ?",
                bulletin.getId());
        Assertions.assertThat(stored).containsEntry("STATUS", "PUBLISHED").containsEntry("APPROVED_BY", "leader1")
                .containsEntry("REGISTERED_BY", "publicity1");
        Assertions.assertThat((String) stored.get("BODY")).contains("12张");
        Assertions.assertThat(mails(bulletin)).hasSize(1);
        Assertions.assertThat(mails(bulletin).get(0)).contains("units@example.cn", "media@example.cn");

        for (String caseNumber : List.of(checkpoint, ledger, supplies)) {
            ProcessInstance named = cases.instanceOf(caseNumber);
            assertThat(named).hasPassed("awaitBulletin").isWaitingAt("closeCase");
            execute(job("closeCase", named));
            assertThat(named).isEnded().hasPassed("caseClosed");
            Assertions.assertThat(cases.stageOf(caseNumber)).isEqualTo("CLOSED");
        }

        String page = mvc.perform(get("/notices/bulletins/{id}", stored.get("ID"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Assertions.assertThat(page).contains("关于3起疫情防控工作中形式主义官僚主义典型问题的通报", "张三", "网格员",
                "直接责任", "通报批评", "李四", "主要领导责任", "诫勉", "王五", "赵六", "责令检查", "12张")
                .doesNotContain("leader1", "publicity1");
        Assertions.assertThat(mvc.perform(get("/notices")).andReturn().getResponse().getContentAsString())
                .contains("/notices/bulletins/" + stored.get("ID"), "点名 3 起典型问题");
    }

    @Test
    void casesThatDoNotWaitForABulletinAreRefusedAndNothingIsStored() {
        String waiting = cases.waitingForBulletin("东湖社区", "核酸检测点秩序混乱", "检测点无人引导，群众聚集",
                new Named("孙七", "社区主任", Responsibility.DIRECT, Measure.CIRCULATED_CRITICISM));
        String inDecision = cases.recorded("东湖社区", "隔离点管理松散", "隔离人员随意外出", "DECISION", true);
        String notTypical = cases.recorded("东湖社区", "宣传栏未更新", "防控宣传栏内容过期", "NOTICE", false);
        String noWait = cases.recorded("东湖社区", "旧流程案件", "按旧版流程办理", "NOTICE", true);
        long before = bulletins();

        Assertions.assertThat(refusal(() -> request(waiting + " JD-2026-00000", null)))
                .hasMessageContaining("没有编号为“JD-2026-00000”的案件");
        Assertions.assertThat(refusal(() -> request(inDecision, null))).hasMessageContaining("DECISION")
                .hasMessageContaining("不在等待通报曝光");
        Assertions.assertThat(refusal(() -> request(notTypical, null))).hasMessageContaining("未被认定为典型问题");
        Assertions.assertThat(refusal(() -> request(noWait, null))).hasMessageContaining("旧版流程");
        Assertions.assertThat(refusal(() -> request(waiting + "," + waiting, null))).hasMessageContaining("两次");
        Assertions.assertThat(refusal(() -> request("JD-26-1", null))).hasMessageContaining("JD-2026-00001");
        Throwable empty = refusal(() -> request(" ", null));
        Assertions.assertThat(((FormFieldValidationException) empty).<Object>getDetail()).isEqualTo("caseNumbers");
        Assertions.assertThat(bulletins()).as("a refused bulletin leaves nothing").isEqualTo(before);

        ProcessInstance first = request(waiting, null);
        Assertions.assertThat(runtimeService.getVariable(first.getId(), "bulletinTitle"))
                .isEqualTo("关于一起疫情防控工作中形式主义官僚主义典型问题的通报");
        Assertions.assertThat(refusal(() -> request(waiting, null))).hasMessageContaining("另一份尚未发布的通报");

        // A bulletin ended in Cockpit without publishing no longer holds its case.
        runtimeService.deleteProcessInstance(first.getId(), "宣传部撤销草稿");
        assertThat(request(waiting, null)).isWaitingAt("draftNotice");
    }

    @Test
    void aPublicationThatFailsIsRetriedAndPublishesOnceAlthoughACaseMovedOnMeanwhile() {
        String suspended = cases.waitingForBulletin("西山村", "返乡人员排查不实", "排查表格照抄上报，未入户核实",
                new Named("周八", "村党支部书记", Responsibility.PRINCIPAL_LEADERSHIP, Measure.ADMONISHMENT));
        String movedOn = cases.waitingForBulletin("西山村", "物资发放不公开", "防疫物资发放未张榜公示",
                new Named("吴九", "村委会主任", Responsibility.DIRECT, Measure.CRITICISM_EDUCATION));
        ProcessInstance bulletin = request(suspended + " " + movedOn, "关于2起典型问题的通报");
        String body = (String) runtimeService.getVariable(bulletin.getId(), "bulletinBody");
        draft(bulletin, "关于2起典型问题的通报", body);
        approve(bulletin, true, null);

        runtimeService.suspendProcessInstanceById(cases.instanceOf(suspended).getId());
        Job publish = job("publishBulletin", bulletin);
        Assertions.assertThat(assertThrows(Exception.class, () -> managementService.executeJob(publish.getId())))
                .hasMessageContaining(suspended).hasMessageContaining("激活");
        Job failed = managementService.createJobQuery().jobId(publish.getId()).singleResult();
        Assertions.assertThat(failed.getRetries()).as("retried every five minutes, five times").isEqualTo(4);
        Assertions.assertThat(statusOf(bulletin)).as("the failed attempt published nothing").isEqualTo("DRAFT");
        Assertions.assertThat(mails(bulletin)).isEmpty();

        // Meanwhile an administrator ends one case's wait by hand and activates the other.
        runtimeService.deleteProcessInstance(cases.instanceOf(movedOn).getId(), "管理员已手工办结");
        runtimeService.activateProcessInstanceById(cases.instanceOf(suspended).getId());
        managementService.executeJob(publish.getId());

        assertThat(bulletin).isEnded();
        Assertions.assertThat(statusOf(bulletin)).isEqualTo("PUBLISHED");
        Assertions.assertThat(mails(bulletin)).hasSize(1);
        assertThat(cases.instanceOf(suspended)).hasPassed("awaitBulletin");

        // Running the step once more (a job run twice) neither publishes nor mails again, nor fails.
        long id = jdbc.queryForObject("SELECT id FROM jd_bulletin WHERE process_instance_id = ?", Long.class,
                bulletin.getId());
        Assertions.assertThat(publication.publish(id, new BulletinPublication.Approved("关于2起典型问题的通报", body,
                "leader1"))).isFalse();
        Assertions.assertThat(mails(bulletin)).hasSize(1);
    }

    // ---- the story's steps ------------------------------------------------------------------------

    private ProcessInstance request(String caseNumbers, String title) {
        identityService.setAuthentication("publicity1", List.of("publicity"));
        try {
            Map<String, Object> variables = new HashMap<>();
            variables.put("caseNumbers", caseNumbers);
            variables.put("bulletinTitle", title);
            return runtimeService.startProcessInstanceByKey("noticeBulletin", variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void draft(ProcessInstance bulletin, String title, String body) {
        complete("publicity1", "publicity", task("draftNotice", bulletin), Map.of("bulletinTitle", title,
                "bulletinBody", body));
    }

    private void approve(ProcessInstance bulletin, Boolean approved, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("noticeApproved", approved);
        variables.put("approvalComment", comment);
        complete("leader1", "leaders", task("approveNotice", bulletin), variables);
    }

    private void complete(String user, String group, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> mails(ProcessInstance bulletin) {
        String title = jdbc.queryForObject("SELECT title FROM jd_bulletin WHERE process_instance_id = ?", String.class,
                bulletin.getId());
        return jdbc.queryForList("SELECT recipients FROM jd_mail_outbox WHERE kind = 'PUBLIC_BULLETIN' AND subject = ?",
                String.class, "【通报曝光】" + title);
    }

    private String statusOf(ProcessInstance bulletin) {
        return jdbc.queryForObject("SELECT status FROM jd_bulletin WHERE process_instance_id = ?", String.class,
                bulletin.getId());
    }

    private long bulletins() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM jd_bulletin", Long.class);
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
