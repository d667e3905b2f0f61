package cn.jiandu.cases;

/** Where a case stands, as GET /api/cases/{caseNumber} reports it (docs/route.md). */
public enum CaseStage {
    REGISTERED, TRIAGE, DISPOSAL_APPROVAL, INQUIRY, ON_HOLD, VERIFICATION, FAULT_TOLERANCE, DECISION, DEFENCE,
    APPROVAL, SERVICE, NOTICE, CLOSED
}
