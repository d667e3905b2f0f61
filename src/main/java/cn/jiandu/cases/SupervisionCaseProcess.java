package cn.jiandu.cases;

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
    public static final String CASE_CLOSED = "caseClosed";

    private SupervisionCaseProcess() {
    }
}
