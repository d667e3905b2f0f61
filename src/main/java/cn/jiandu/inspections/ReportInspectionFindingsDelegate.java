package cn.jiandu.inspections;

import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.InspectionCaseReporting;
import cn.jiandu.common.Vars;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Handling;
import cn.jiandu.inspections.InspectionEnums.Mode;
import cn.jiandu.rectification.NewRectification;
import cn.jiandu.rectification.RectificationOrigin;
import cn.jiandu.rectification.Rectifications;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * reportInspectionFindings: each problem found is handled as the team chose — a supervisionCase with source
 * INSPECTION (发现一起，查处一起), or for a minor one a rectification without a case, recorded done on the spot
 * or started with its days (整改督办) — and the finding keeps the case's or rectification's number. A finding
 * that already has one is skipped, so running the step again (say, after a move in Cockpit) reports nothing
 * twice.
 */
@Component("reportInspectionFindingsDelegate")
class ReportInspectionFindingsDelegate implements JavaDelegate {

    private final InspectionRepository inspections;
    private final InspectionCaseReporting reporting;
    private final Rectifications rectifications;

    ReportInspectionFindingsDelegate(InspectionRepository inspections, InspectionCaseReporting reporting,
            Rectifications rectifications) {
        this.inspections = inspections;
        this.reporting = reporting;
        this.rectifications = rectifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Inspection inspection = inspections.findByProcessInstance(execution.getProcessInstanceId()).orElseThrow();
        long id = inspection.id();
        String reportedBy = inspection.recordedBy();
        List<String> caseNumbers = new ArrayList<>();
        List<String> rectificationNumbers = new ArrayList<>();
        for (Inspection.Finding finding : inspections.findings(id)) {
            if (finding.caseNumber() != null) {
                caseNumbers.add(finding.caseNumber());
            } else if (finding.rectificationNumber() != null) {
                rectificationNumbers.add(finding.rectificationNumber());
            } else if (Handling.CASE.name().equals(finding.handling())) {
                String caseNumber = reporting.reportFromInspection(new InspectionCaseReporting.Finding(id,
                        title(inspection, finding), description(inspection, finding), finding.unit(),
                        finding.personsInvolved(), finding.problemType(), inspection.zone(), reportedBy));
                inspections.linkCase(finding.id(), caseNumber);
                caseNumbers.add(caseNumber);
            } else {
                String number = rectify(inspection, finding);
                inspections.linkRectification(finding.id(), number);
                rectificationNumbers.add(number);
            }
        }
        execution.setVariable("caseNumbers", String.join(",", caseNumbers));
        execution.setVariable("rectificationNumbers", String.join(",", rectificationNumbers));
    }

    private String rectify(Inspection inspection, Inspection.Finding finding) {
        boolean onSpot = Handling.ON_SPOT.name().equals(finding.handling());
        NewRectification source = new NewRectification(RectificationOrigin.INSPECTION, null, inspection.id(),
                finding.id(), inspection.zone(), finding.unit(), inspection.unitKind(), finding.problemType(),
                description(inspection, finding), onSpot ? null : finding.rectifyDays(), inspection.recordedBy());
        return onSpot ? rectifications.recordOnSpot(source, inspection.inspectedOn()) : rectifications.start(source);
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
