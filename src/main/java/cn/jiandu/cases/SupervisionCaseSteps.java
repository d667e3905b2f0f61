package cn.jiandu.cases;

import static cn.jiandu.steps.Field.choice;
import static cn.jiandu.steps.Field.date;
import static cn.jiandu.steps.Field.text;
import static cn.jiandu.steps.Field.user;
import static cn.jiandu.steps.Field.yesNo;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.PersonsInput;
import cn.jiandu.accountability.UnitMeasure;
import cn.jiandu.cases.CaseEnums.Disposal;
import cn.jiandu.cases.CaseEnums.FaultToleranceOutcome;
import cn.jiandu.cases.CaseEnums.InquiryOutcome;
import cn.jiandu.cases.CaseEnums.VerificationOutcome;
import cn.jiandu.cases.CaseEnums.OverdueAction;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Severity;
import cn.jiandu.cases.CaseEnums.Source;
import cn.jiandu.cases.CaseEnums.Zone;
import cn.jiandu.steps.Field;
import cn.jiandu.steps.StepCatalog;
import cn.jiandu.steps.StepInput;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What each step of supervisionCase takes from a person, and what its form only shows. Text
 * limits are those of the columns in jd_case (V1__case_record.sql) and jd_notice; the forms in
 * forms/ use the same keys and limits (SupervisionCaseStepsTest holds both to this).
 */
@Component
class SupervisionCaseSteps implements StepCatalog {

    static final int TITLE = 200;
    static final int DESCRIPTION = 10000;
    static final int UNIT = 200;
    static final int PERSONS_INVOLVED = 2000;
    static final int REPORTER_NAME = 100;
    static final int REPORTER_EMAIL = 200;
    static final int COMMENT = 4000;
    static final int RECORD = 10000;
    static final int NOTICE_TITLE = 200;

    /** The facts of the case every task form shows above its own fields. */
    private static final Set<String> CASE_FACTS = Set.of("caseNumber", "source", "title", "unit", "problemType",
            "severity", "zone", "description", "personsInvolved");

    static final String PROCESS = SupervisionCaseProcess.PROCESS_KEY;
    private static final String V1 = SupervisionCaseProcess.VERSION_1;
    private static final String V2 = SupervisionCaseProcess.VERSION_2;

    /** A report, however it arrives: the start form, the engine API or POST /api/cases. */
    static final StepInput REPORT = StepInput.of(PROCESS, StepInput.START, report(), Set.of());

    @Override
    public List<StepInput> steps() {
        return Stream.of(common(), version1(), version2()).flatMap(List::stream).toList();
    }

    /** Steps both versions of the model have, unchanged. */
    private static List<StepInput> common() {
        return List.of(
                REPORT,
                StepInput.of(PROCESS, SupervisionCaseProcess.TRIAGE_CASE, List.of(
                        choice("problemType", "问题类型", ProblemType.class),
                        choice("severity", "情节", Severity.class),
                        choice("zone", "片区", Zone.class),
                        choice("disposal", "处置方式", Disposal.class),
                        text("triageComment", "研判意见", COMMENT)),
                        shows("possibleDuplicateOf", "holdCount", "approvalComment", "triageDueDate")),
                overdueReview(SupervisionCaseProcess.REVIEW_OVERDUE_CASE),
                overdueReview(SupervisionCaseProcess.REVIEW_OVERDUE_DECISION),
                approval(SupervisionCaseProcess.APPROVE_FAULT_TOLERANCE, "faultToleranceApproved",
                        "findings", "faultToleranceOutcome", "faultToleranceReason", "correctiveMeasures",
                        "ftPublicInterest", "ftWithinProcedure", "ftNoPersonalGain", "ftNoProhibitionBroken",
                        "ftLossRemedied", "persons"));
    }

    /** Version 1 (camunda:versionTag 1.0): kept for the cases still running on it. */
    private static List<StepInput> version1() {
        return List.of(
                StepInput.of(PROCESS, SupervisionCaseProcess.INQUIRE_CASE, List.of(
                        text("inquiryRecord", "谈话函询记录", RECORD),
                        yesNo("inquirySatisfactory", "说明清楚")),
                        shows("triageComment")).forVersion(V1),
                StepInput.of(PROCESS, SupervisionCaseProcess.VERIFY_CASE, List.of(
                        text("findings", "核查情况", RECORD),
                        yesNo("substantiated", "问题属实"),
                        text("responsiblePersons", "责任人员", COMMENT),
                        yesNo("leadershipResponsible", "领导责任"),
                        yesNo("emergencyAction", "急事急办、特事特办"),
                        yesNo("faultToleranceRequested", "申请容错"),
                        yesNo("repeatOffence", "屡犯")),
                        shows("triageComment", "inquiryRecord", "overdueComment")).forVersion(V1),
                StepInput.of(PROCESS, SupervisionCaseProcess.DECIDE_ACCOUNTABILITY, List.of(
                        choice("measure", "问责方式", Measure.class),
                        choice("leaderMeasure", "领导责任问责方式", Measure.class),
                        yesNo("typicalCase", "典型问题"),
                        text("decisionReason", "处理意见及理由", COMMENT)),
                        shows("findings", "responsiblePersons", "leadershipResponsible", "repeatOffence",
                                "recommendedMeasure", "leaderApprovalRequired", "typicalSuggested", "overdueComment",
                                "approvalComment")).forVersion(V1),
                approval(SupervisionCaseProcess.APPROVE_ACCOUNTABILITY, "accountabilityApproved",
                        "findings", "recommendedMeasure", "measure", "leaderMeasure", "typicalCase", "decisionReason")
                        .forVersion(V1),
                faultToleranceReview("measure").forVersion(V1),
                StepInput.of(PROCESS, SupervisionCaseProcess.DRAFT_NOTICE, List.of(
                        text("noticeTitle", "通报标题", NOTICE_TITLE),
                        text("noticeBody", "通报正文", RECORD)),
                        shows("findings", "responsiblePersons", "measure", "leaderMeasure", "approvalComment"))
                        .forVersion(V1),
                approval(SupervisionCaseProcess.APPROVE_NOTICE, "noticeApproved",
                        "noticeTitle", "noticeBody", "measure").forVersion(V1));
    }

    /**
     * Version 2 (camunda:versionTag 2.0): the procedure of the 监督执纪工作规则 and the 问责条例, persons
     * held accountable one by one (docs/route.md).
     */
    private static List<StepInput> version2() {
        return List.of(
                approval(SupervisionCaseProcess.APPROVE_DISPOSAL, "disposalApproved",
                        "disposal", "triageComment", "possibleDuplicateOf", "holdCount").forVersion(V2),
                overdueReview(SupervisionCaseProcess.REVIEW_OVERDUE_TRIAGE).forVersion(V2),
                StepInput.of(PROCESS, SupervisionCaseProcess.INQUIRE_CASE, List.of(
                        choice("inquiryOutcome", "函询结果", InquiryOutcome.class),
                        text("inquiryRecord", "谈话函询记录", RECORD),
                        PersonsInput.FIELD),
                        shows("triageComment", "disposal", "overdueComment", "inquiryDueDate")).forVersion(V2),
                overdueReview(SupervisionCaseProcess.REVIEW_OVERDUE_INQUIRY).forVersion(V2),
                StepInput.of(PROCESS, SupervisionCaseProcess.VERIFY_CASE, List.of(
                        choice("verificationOutcome", "核实结论", VerificationOutcome.class),
                        text("findings", "核查情况", RECORD),
                        PersonsInput.FIELD,
                        yesNo("emergencyAction", "急事急办、特事特办"),
                        yesNo("faultToleranceRequested", "申请容错")),
                        shows("triageComment", "inquiryOutcome", "inquiryRecord", "overdueComment", "approvalComment",
                                "verifyDueDate", "holdCount")).forVersion(V2),
                faultToleranceReview("persons").forVersion(V2),
                StepInput.of(PROCESS, SupervisionCaseProcess.DECIDE_ACCOUNTABILITY, List.of(
                        PersonsInput.DECISION_FIELD,
                        choice("unitMeasure", "对党组织的问责方式", UnitMeasure.class),
                        yesNo("typicalCase", "典型问题"),
                        text("decisionReason", "处理意见及理由", COMMENT)),
                        shows("findings", "inquiryOutcome", "inquiryRecord", "verificationOutcome",
                                "faultToleranceOutcome", "faultToleranceReason", "typicalSuggested", "overdueComment",
                                "approvalComment", "defenceRecord", "decisionDueDate")).forVersion(V2),
                StepInput.of(PROCESS, SupervisionCaseProcess.HEAR_DEFENCE, List.of(
                        text("defenceRecord", "陈述申辩情况", RECORD),
                        yesNo("defenceChangesDecision", "申辩改变事实或处理意见")),
                        shows("findings", "persons", "unitMeasure", "decisionReason", "defenceDueDate", "overdueComment"))
                        .forVersion(V2),
                overdueReview(SupervisionCaseProcess.REVIEW_OVERDUE_DEFENCE).forVersion(V2),
                approval(SupervisionCaseProcess.APPROVE_ACCOUNTABILITY, "accountabilityApproved",
                        "findings", "verificationOutcome", "persons", "unitMeasure", "typicalCase", "decisionReason",
                        "defenceRecord", "faultToleranceOutcome").forVersion(V2),
                StepInput.of(PROCESS, SupervisionCaseProcess.SERVE_DECISION, List.of(
                        date("servedOn", "送达日期")),
                        shows("persons", "unitMeasure", "decisionReason", "defenceRecord")).forVersion(V2));
    }

    private static StepInput faultToleranceReview(String... alsoShown) {
        return StepInput.of(PROCESS, SupervisionCaseProcess.REVIEW_FAULT_TOLERANCE, List.of(
                yesNo("ftPublicInterest", "出于公心、为了公共利益"),
                yesNo("ftWithinProcedure", "符合决策程序"),
                yesNo("ftNoPersonalGain", "未谋取私利"),
                yesNo("ftNoProhibitionBroken", "未违反明令禁止"),
                yesNo("ftLossRemedied", "及时挽回损失"),
                choice("faultToleranceOutcome", "容错结果", FaultToleranceOutcome.class),
                text("faultToleranceReason", "容错审查理由", COMMENT),
                text("correctiveMeasures", "纠错措施", COMMENT)),
                shows(Stream.concat(Stream.of("findings", "emergencyAction", "faultToleranceRequested", "approvalComment"),
                        Stream.of(alsoShown)).toArray(String[]::new)));
    }

    /** The report: the same fields and limits as POST /api/cases (ReportCaseRequest). */
    static List<Field> report() {
        return List.of(
                text("title", "问题标题", TITLE),
                text("description", "问题描述", DESCRIPTION),
                choice("source", "问题来源", Source.class),
                text("unit", "涉及单位或社区", UNIT),
                text("personsInvolved", "涉及人员", PERSONS_INVOLVED),
                yesNo("anonymous", "匿名反映"),
                text("reporterName", "反映人姓名", REPORTER_NAME).keptOutOfTheEngine(),
                text("reporterPhone", "联系电话", 20)
                        .matching("[0-9+\\- ]{5,20}", "只能包含数字、空格、+ 和 -，5 到 20 位").keptOutOfTheEngine(),
                text("reporterEmail", "电子邮箱", REPORTER_EMAIL)
                        .matching("[^@\\s]+@[^@\\s]+\\.[^@\\s]+", "格式不正确，应如 name@example.cn").keptOutOfTheEngine(),
                choice("problemType", "问题类型", ProblemType.class),
                choice("zone", "片区", Zone.class));
    }

    private static StepInput overdueReview(String step) {
        return StepInput.of(PROCESS, step, List.of(
                choice("overdueAction", "督办决定", OverdueAction.class),
                date("newDueDate", "新到期日期"),
                user("reassignTo", "改派对象"),
                text("overdueComment", "督办意见", COMMENT)),
                shows("overdueTaskName", "overdueDueDate"));
    }

    private static StepInput approval(String step, String decision, String... shown) {
        return StepInput.of(PROCESS, step, List.of(
                yesNo(decision, "审批结果"),
                text("approvalComment", "审批意见", COMMENT)),
                shows(shown));
    }

    private static Set<String> shows(String... fields) {
        return Stream.concat(CASE_FACTS.stream(), Stream.of(fields)).collect(java.util.stream.Collectors.toSet());
    }
}
