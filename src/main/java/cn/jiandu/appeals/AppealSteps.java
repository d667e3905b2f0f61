package cn.jiandu.appeals;

import static cn.jiandu.steps.Field.choice;
import static cn.jiandu.steps.Field.date;
import static cn.jiandu.steps.Field.text;
import static cn.jiandu.steps.Field.yesNo;

import cn.jiandu.accountability.Measure;
import cn.jiandu.steps.StepCatalog;
import cn.jiandu.steps.StepInput;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** What filing, reviewing and approving an appeal take; text limits are those of jd_appeal (V9__appeals.sql). */
@Component
class AppealSteps implements StepCatalog {

    static final int CASE_NUMBER = 20;
    static final int PERSON_NAME = 50;
    static final int REASON = 4000;

    /**
     * What a changed decision may impose instead (the form's list): a measure, or a proposal to file;
     * no measure at all is a revocation, and a sanction needs a filed case first.
     */
    private static final Set<Measure> CHANGED_MEASURES = EnumSet.complementOf(
            EnumSet.of(Measure.NONE, Measure.DISCIPLINARY_SANCTION, Measure.CASE_FILING));

    /** The appeal as every task form shows it above its own fields. */
    private static final Set<String> APPEAL = Set.of("appealNumber", "caseNumber", "personName", "currentMeasure",
            "servedOn", "receivedOn", "appealReason");

    @Override
    public List<StepInput> steps() {
        return List.of(
                StepInput.of(AppealProcess.PROCESS_KEY, StepInput.START, List.of(
                        text("caseNumber", "案件编号", CASE_NUMBER),
                        text("personName", "申诉人姓名", PERSON_NAME),
                        date("receivedOn", "收到申诉日期"),
                        text("appealReason", "申诉理由", REASON)), Set.of()),
                StepInput.of(AppealProcess.PROCESS_KEY, AppealProcess.REVIEW_APPEAL, List.of(
                        choice("appealOutcome", "复查结果", AppealOutcome.class),
                        choice("newMeasure", "变更后的问责方式", CHANGED_MEASURES),
                        text("reviewReason", "复查意见及理由", REASON)),
                        shows("approvalComment")),
                StepInput.of(AppealProcess.PROCESS_KEY, AppealProcess.APPROVE_APPEAL, List.of(
                        yesNo("appealApproved", "审批结果"),
                        text("approvalComment", "审批意见", REASON)),
                        shows("appealOutcome", "newMeasure", "reviewReason")));
    }

    private static Set<String> shows(String... fields) {
        return Stream.concat(APPEAL.stream(), Stream.of(fields)).collect(Collectors.toSet());
    }
}
