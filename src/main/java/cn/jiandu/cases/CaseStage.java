package cn.jiandu.cases;

/** Where a case stands, as GET /api/cases/{caseNumber} reports it (docs/route.md). */
public enum CaseStage {
    REGISTERED, TRIAGE, INQUIRY, ON_HOLD, VERIFICATION, DECISION, APPROVAL, FAULT_TOLERANCE, NOTICE, CLOSED
}
