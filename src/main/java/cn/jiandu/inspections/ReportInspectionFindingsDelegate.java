package cn.jiandu.inspections;

import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.InspectionCaseReporting;
import cn.jiandu.common.Vars;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Mode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * reportInspectionFindings: every problem found becomes a supervisionCase with source INSPECTION
 * (发现一起，查处一起), and the finding keeps the case's number. A finding that already has its
 * case is skipped, so running the step again (say, after a move in Cockpit) reports nothing twice.
 */
@Component("reportInspectionFindingsDelegate")
class ReportInspectionFindingsDelegate implements JavaDelegate {

    private final InspectionRepository inspections;
    private final InspectionCaseReporting reporting;

    ReportInspectionFindingsDelegate(InspectionRepository inspections, InspectionCaseReporting reporting) {
        this.inspections = inspections;
        this.reporting = reporting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Inspection inspection = inspections.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
        long id = inspection.id();
        String reportedBy = inspection.recordedBy();
        List<String> caseNumbers = new ArrayList<>();
        for (Inspection.Finding finding : inspections.findings(id)) {
            if (finding.caseNumber() == null) {
                String caseNumber = reporting.reportFromInspection(new InspectionCaseReporting.Finding(id,
                        title(inspection, finding), description(inspection, finding), finding.unit(),
                        finding.personsInvolved(), finding.problemType(), inspection.zone(), reportedBy));
                inspections.linkCase(finding.id(), caseNumber);
                caseNumbers.add(caseNumber);
            } else {
                caseNumbers.add(finding.caseNumber());
            }
        }
        execution.setVariable("caseNumbers", String.join(",", caseNumbers));
    }

    static String title(Inspection inspection, Inspection.Finding finding) {
        String title = Mode.valueOf(inspection.mode()).label() + "发现：" + finding.unit() + "，"
                + ProblemType.valueOf(finding.problemType()).label();
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    static String description(Inspection inspection, Inspection.Finding finding) {
        return finding.description() + "\n\n（" + inspection.inspectedOn() + " "
                + Mode.valueOf(inspection.mode()).label() + "、" + Channel.valueOf(inspection.channel()).label()
                + "发现，检查编号 " + inspection.number() + "，第 " + finding.position() + " 条问题）";
    }
}
