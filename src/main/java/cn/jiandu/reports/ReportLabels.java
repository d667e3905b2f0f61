package cn.jiandu.reports;

import cn.jiandu.accountability.FourForms;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.accountability.UnitMeasure;
import cn.jiandu.common.Labelled;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Source;
import cn.jiandu.cases.CaseEnums.Zone;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Mode;
import cn.jiandu.inspections.InspectionEnums.Scope;
import cn.jiandu.common.UnitKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Chinese names of the codes a report counts by. */
final class ReportLabels {

    static final Map<String, String> PROBLEM_TYPES = with(labels(ProblemType.values()), "UNCLASSIFIED", "尚未认定");
    static final Map<String, String> ZONES = with(labels(Zone.values()), "UNASSIGNED", "尚未分片");
    static final Map<String, String> SOURCES = labels(Source.values());
    static final Map<String, String> MEASURES = labels(Measure.values());
    /** The four forms, then the line of persons proposed for filing, who count in none of them yet. */
    static final Map<String, String> FORMS = with(labels(FourForms.Form.values()), ReportFigures.Persons.FILING,
            "拟立案审查调查");
    static final Map<String, String> RESPONSIBILITIES = labels(Responsibility.values());
    static final Map<String, String> MODES = labels(Mode.values());
    static final Map<String, String> SCOPES = labels(Scope.values());
    static final Map<String, String> CHANNELS = labels(Channel.values());
    static final Map<String, String> UNIT_KINDS = labels(UnitKind.values());
    static final Map<String, String> UNIT_MEASURES = labels(UnitMeasure.values());
    /** Every stage of CaseStage, in its order (ReportLabelsTest holds them to it); version 2 added three. */
    static final Map<String, String> STAGES = ordered(
            "REGISTERED", "已登记", "TRIAGE", "分类研判", "DISPOSAL_APPROVAL", "处置意见审批", "INQUIRY", "谈话函询",
            "ON_HOLD", "暂存待查", "VERIFICATION", "初步核实", "FAULT_TOLERANCE", "容错纠错审查", "DECISION", "问责决定",
            "DEFENCE", "陈述申辩", "APPROVAL", "领导审批", "SERVICE", "送达", "NOTICE", "待通报曝光", "CLOSED", "已办结");
    /**
     * Every outcome of CaseOutcome, in its order. A version-1 inquiry ended 说明清楚 (INQUIRY_SATISFACTORY),
     * a version-2 one 采信了结 (INQUIRY_ACCEPTED): both are shown, each named for what it was.
     */
    static final Map<String, String> OUTCOMES = ordered(
            "CLOSED_AT_TRIAGE", "研判后了结", "INQUIRY_ACCEPTED", "函询采信了结", "INQUIRY_SATISFACTORY", "函询说明清楚了结（第一版）",
            "UNSUBSTANTIATED", "问题不属实", "ACCOUNTABILITY", "问责", "EXEMPTED", "容错免责",
            "REFERRED", "移交有关党组织处理", "REFERRED_FOR_INVESTIGATION", "移送立案审查调查");
    static final Map<String, String> FAULT_TOLERANCE = ordered(
            "EXEMPTED", "免责", "MITIGATE", "从轻减轻", "NOT_APPLICABLE", "不予容错");

    private ReportLabels() {
    }

    static String of(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }

    private static Map<String, String> labels(Labelled[] values) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(values).forEach(value -> labels.put(value.name(), value.label()));
        return Collections.unmodifiableMap(labels);
    }

    private static Map<String, String> with(Map<String, String> labels, String code, String label) {
        Map<String, String> more = new LinkedHashMap<>(labels);
        more.put(code, label);
        return Collections.unmodifiableMap(more);
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return Collections.unmodifiableMap(labels);
    }
}
