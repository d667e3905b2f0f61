package cn.jiandu.reports;

import static cn.jiandu.steps.Field.text;
import static cn.jiandu.steps.Field.yesNo;

import cn.jiandu.steps.StepCatalog;
import cn.jiandu.steps.StepInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the office's review and the leaders' sign-off of a report take; limits of jd_report. */
@Component
class ReportSteps implements StepCatalog {

    @Override
    public List<StepInput> steps() {
        List<StepInput> steps = new ArrayList<>();
        for (String process : List.of(ReportProcesses.DAILY_PROCESS_KEY, ReportProcesses.WEEKLY_PROCESS_KEY)) {
            boolean daily = ReportProcesses.DAILY_PROCESS_KEY.equals(process);
            steps.add(StepInput.of(process, daily ? ReportProcesses.REVIEW_DAILY : ReportProcesses.REVIEW_WEEKLY,
                    List.of(text("officeRemarks", "审核意见和补充说明", 4000)),
                    Set.of("reportTitle", "reportSummary", "signOffComment")));
            steps.add(StepInput.of(process, daily ? ReportProcesses.SIGN_OFF_DAILY : ReportProcesses.SIGN_OFF_WEEKLY,
                    List.of(yesNo("reportApproved", "同意报送"), text("signOffComment", "领导批示", 4000)),
                    Set.of("reportTitle", "reportSummary", "officeRemarks")));
        }
        return steps;
    }
}
