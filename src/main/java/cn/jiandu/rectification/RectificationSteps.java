package cn.jiandu.rectification;

import static cn.jiandu.steps.Field.choice;
import static cn.jiandu.steps.Field.date;
import static cn.jiandu.steps.Field.list;
import static cn.jiandu.steps.Field.text;

import cn.jiandu.common.UnitKind;
import cn.jiandu.rectification.RectificationEnums.CheckResult;
import cn.jiandu.rectification.RectificationEnums.FollowUpMode;
import cn.jiandu.rectification.RectificationEnums.FollowUpResult;
import cn.jiandu.rectification.RectificationEnums.OverdueAction;
import cn.jiandu.steps.Field;
import cn.jiandu.steps.StepCatalog;
import cn.jiandu.steps.StepInput;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What the steps of a rectification take; text limits are those of jd_rectification and its items
 * (V15__rectification.sql). There is no start step: only Jiandu starts a rectification.
 */
@Component
class RectificationSteps implements StepCatalog {

    static final int MAX_ITEMS = 20;
    static final int ITEM = 500;
    static final int REQUIREMENTS = 2000;
    static final int PERSON = 100;
    static final int REASON = 2000;
    static final int RECORD = 10000;

    static final Field ITEMS = list("items", "整改事项", MAX_ITEMS,
            text("content", "整改事项内容", ITEM).requiredInEachRow());

    /** The rectification as every form shows it above its own fields. */
    private static final Set<String> RECTIFICATION = Set.of("rectificationNumber", "caseNumber", "unit", "origin");

    @Override
    public List<StepInput> steps() {
        String process = RectificationProcess.PROCESS_KEY;
        return List.of(
                StepInput.of(process, RectificationProcess.ISSUE_NOTICE, List.of(
                        ITEMS,
                        date("deadline", "整改期限"),
                        text("requirements", "整改要求", REQUIREMENTS),
                        text("responsiblePerson", "整改责任人", PERSON),
                        text("responsiblePost", "责任人职务", PERSON),
                        choice("unitKind", "单位类型", UnitKind.class)),
                        shows("summary")),
                StepInput.of(process, RectificationProcess.RECORD_REPORT, List.of(
                        date("reportedOn", "报告日期"),
                        text("reportSummary", "整改情况报告", RECORD)),
                        shows("items", "deadline", "requirements", "responsiblePerson", "checkResult",
                                "checkReason")),
                StepInput.of(process, RectificationProcess.CHECK, List.of(
                        choice("checkResult", "核查结果", CheckResult.class),
                        text("checkReason", "核查意见", REASON),
                        date("newDeadline", "新的整改期限")),
                        shows("items", "deadline", "requirements", "reportedOn", "reportSummary")),
                StepInput.of(process, RectificationProcess.REVIEW_OVERDUE, List.of(
                        choice("overdueAction", "督办决定", OverdueAction.class),
                        date("newDeadline", "延长后的整改期限"),
                        text("overdueComment", "督办意见", REASON)),
                        shows("items", "deadline", "requirements", "responsiblePerson", "responsiblePost")),
                StepInput.of(process, RectificationProcess.RECORD_FOLLOW_UP, List.of(
                        date("followUpOn", "回头看日期"),
                        choice("followUpMode", "回头看方式", FollowUpMode.class),
                        choice("followUpResult", "回头看结果", FollowUpResult.class),
                        text("followUpFindings", "回头看情况", RECORD)),
                        shows("items", "reportedOn", "reportSummary", "checkReason")));
    }

    private static Set<String> shows(String... fields) {
        return Stream.concat(RECTIFICATION.stream(), Stream.of(fields)).collect(Collectors.toSet());
    }
}
