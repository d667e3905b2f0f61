package cn.jiandu.cases;

/** How a closed case ended. */
public enum CaseOutcome {
    CLOSED_AT_TRIAGE,
    /** Route version 2: the inquiry's explanation was accepted (采信了结). */
    INQUIRY_ACCEPTED,
    /** Route version 1 only, kept for the cases it closed: its inquiry ended "satisfactory" (version 2: INQUIRY_ACCEPTED). */
    INQUIRY_SATISFACTORY,
    UNSUBSTANTIATED,
    ACCOUNTABILITY,
    EXEMPTED,
    /** Route version 2: handed to the party organisation concerned (移交有关党组织处理). */
    REFERRED,
    /** Route version 2: leaders approved filing (立案审查调查); the case was handed over with a record. */
    REFERRED_FOR_INVESTIGATION
}
