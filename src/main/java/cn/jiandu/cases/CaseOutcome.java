package cn.jiandu.cases;

/** How a closed case ended. */
public enum CaseOutcome {
    UNSUBSTANTIATED, CLOSED_AT_TRIAGE, INQUIRY_SATISFACTORY, ACCOUNTABILITY, EXEMPTED
}
