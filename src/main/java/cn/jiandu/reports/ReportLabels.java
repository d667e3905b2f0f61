package cn.jiandu.reports;

import cn.jiandu.accountability.FourForms;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.common.Labelled;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Source;
import cn.jiandu.cases.CaseEnums.Zone;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Mode;
import cn.jiandu.inspections.InspectionEnums.Scope;
import cn.jiandu.inspections.InspectionEnums.UnitKind;
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
    static final Map<String, String> FORMS = labels(FourForms.Form.values());
    static final Map<String, String> RESPONSIBILITIES = labels(Responsibility.values());
    static final Map<String, String> MODES = labels(Mode.values());
    static final Map<String, String> SCOPES = labels(Scope.values());
    static final Map<String, String> CHANNELS = labels(Channel.values());
    static final Map<String, String> UNIT_KINDS = labels(UnitKind.values());
    static final Map<String, String> STAGES = ordered(
            "REGISTERED", "已登记", "TRIAGE", "分类研判", "INQUIRY", "谈话函询", "ON_HOLD", "暂存待查",
            "VERIFICATION", "初步核实", "DECISION", "问责决定", "APPROVAL", "领导审批", "FAULT_TOLERANCE", "容错纠错审查",
            "NOTICE", "通报曝光", "CLOSED", "已办结");
    static final Map<String, String> OUTCOMES = ordered(
            "UNSUBSTANTIATED", "问题不属实", "CLOSED_AT_TRIAGE", "研判后了结", "INQUIRY_SATISFACTORY", "函询后了结",
            "ACCOUNTABILITY", "问责", "EXEMPTED", "容错免责");
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
