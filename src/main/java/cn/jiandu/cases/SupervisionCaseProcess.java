package cn.jiandu.cases;

import java.util.Map;

/** Ids of processes/supervision-case.bpmn that the Java side uses: one place, so a rename is one edit. */
public final class SupervisionCaseProcess {

    public static final String PROCESS_KEY = "supervisionCase";

    public static final String REGISTER_CASE = "registerCase";
    public static final String TRIAGE_CASE = "triageCase";
    public static final String CASE_ON_HOLD = "caseOnHold";
    public static final String INQUIRE_CASE = "inquireCase";
    public static final String VERIFY_CASE = "verifyCase";
    public static final String VERIFY_REMINDER = "verifyReminder";
    public static final String VERIFY_OVERDUE = "verifyOverdue";
    public static final String REVIEW_OVERDUE_CASE = "reviewOverdueCase";
    public static final String RECOMMEND_ACCOUNTABILITY = "recommendAccountability";
    public static final String DECIDE_ACCOUNTABILITY = "decideAccountability";
    public static final String DECISION_REMINDER = "decisionReminder";
    public static final String DECISION_OVERDUE = "decisionOverdue";
    public static final String REVIEW_OVERDUE_DECISION = "reviewOverdueDecision";
    public static final String APPROVE_ACCOUNTABILITY = "approveAccountability";
    public static final String REVIEW_FAULT_TOLERANCE = "reviewFaultTolerance";
    public static final String APPROVE_FAULT_TOLERANCE = "approveFaultTolerance";
    public static final String DRAFT_NOTICE = "draftNotice";
    public static final String APPROVE_NOTICE = "approveNotice";
    public static final String PUBLISH_NOTICE = "publishNotice";
    public static final String CLOSE_CASE = "closeCase";

    // Route version 2 (camunda:versionTag 2.0); ids above that version 1 also has keep their meaning.
    public static final String VERSION_1 = "1.0";
    public static final String VERSION_2 = "2.0";
    public static final String TRIAGE_STAGE = "triageStage";
    public static final String TRIAGE_REMINDER = "triageReminder";
    public static final String TRIAGE_OVERDUE = "triageOverdue";
    public static final String REVIEW_OVERDUE_TRIAGE = "reviewOverdueTriage";
    public static final String APPROVE_DISPOSAL = "approveDisposal";
    public static final String INQUIRY_STAGE = "inquiryStage";
    public static final String INQUIRY_REMINDER = "inquiryReminder";
    public static final String INQUIRY_OVERDUE = "inquiryOverdue";
    public static final String REVIEW_OVERDUE_INQUIRY = "reviewOverdueInquiry";
    public static final String VERIFICATION_STAGE = "verificationStage";
    public static final String VERIFICATION_ON_HOLD = "verificationOnHold";
    public static final String DECISION_STAGE = "decisionStage";
    public static final String DEFENCE_STAGE = "defenceStage";
    public static final String HEAR_DEFENCE = "hearDefence";
    public static final String DEFENCE_REMINDER = "defenceReminder";
    public static final String DEFENCE_OVERDUE = "defenceOverdue";
    public static final String REVIEW_OVERDUE_DEFENCE = "reviewOverdueDefence";
    public static final String HAND_OVER_FOR_INVESTIGATION = "handOverForInvestigation";
    public static final String SERVE_DECISION = "serveDecision";
    public static final String AWAIT_BULLETIN = "awaitBulletin";
    /** The message a published bulletin sends, by business key, to each case it names. */
    public static final String CASE_NAMED_IN_BULLETIN = "caseNamedInBulletin";
    public static final String CASE_CLOSED = "caseClosed";

    /** Route version 2's approvals by leaders, each with the Boolean its gateway reads (同意 true, 退回 false). */
    public static final Map<String, String> LEADERS_APPROVALS = Map.of(
            APPROVE_DISPOSAL, "disposalApproved",
            APPROVE_FAULT_TOLERANCE, "faultToleranceApproved",
            APPROVE_ACCOUNTABILITY, "accountabilityApproved");

    private SupervisionCaseProcess() {
    }
}
