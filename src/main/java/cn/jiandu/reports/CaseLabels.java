package cn.jiandu.reports;

import java.util.Map;

/** The Chinese names of a case's codes as the reports show them, for the register and the case page. */
public final class CaseLabels {

    public static final Map<String, String> STAGES = ReportLabels.STAGES;
    public static final Map<String, String> OUTCOMES = ReportLabels.OUTCOMES;
    public static final Map<String, String> PROBLEM_TYPES = ReportLabels.PROBLEM_TYPES;
    public static final Map<String, String> ZONES = ReportLabels.ZONES;
    public static final Map<String, String> SOURCES = ReportLabels.SOURCES;
    public static final Map<String, String> MEASURES = ReportLabels.MEASURES;
    public static final Map<String, String> UNIT_MEASURES = ReportLabels.UNIT_MEASURES;
    public static final Map<String, String> FAULT_TOLERANCE = ReportLabels.FAULT_TOLERANCE;

    private CaseLabels() {
    }

    /** The label of a code, the code itself when it has none, "" for null. */
    public static String of(Map<String, String> labels, String code) {
        return ReportLabels.of(labels, code);
    }
}
