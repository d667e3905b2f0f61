package cn.jiandu.appeals;

/** Ids of processes/accountability-appeal.bpmn that the Java side uses: one place, so a rename is one edit. */
public final class AppealProcess {

    public static final String PROCESS_KEY = "accountabilityAppeal";

    public static final String APPEAL_FILED = "appealFiled";
    public static final String REGISTER_APPEAL = "registerAppeal";
    public static final String REVIEW_APPEAL = "reviewAppeal";
    public static final String APPROVE_APPEAL = "approveAppeal";
    public static final String APPLY_DECISION = "applyAppealDecision";
    public static final String NOTIFY_OUTCOME = "notifyAppealOutcome";

    private AppealProcess() {
    }
}
