package cn.jiandu.inspections;

/** Ids of processes/supervision-inspection.bpmn that the Java side uses: one place, so a rename is one edit. */
public final class InspectionProcess {

    public static final String PROCESS_KEY = "supervisionInspection";

    public static final String INSPECTION_PLANNED = "inspectionPlanned";
    public static final String REGISTER_INSPECTION = "registerInspection";
    public static final String RECORD_INSPECTION = "recordInspection";
    public static final String PROBLEMS_FOUND_GATEWAY = "problemsFoundGateway";
    public static final String REPORT_FINDINGS = "reportInspectionFindings";
    public static final String CLOSED_WITH_CASES = "inspectionClosedWithCases";
    public static final String CLOSED_WITHOUT_PROBLEMS = "inspectionClosedWithoutProblems";

    private InspectionProcess() {
    }
}
