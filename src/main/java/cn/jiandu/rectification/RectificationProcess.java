package cn.jiandu.rectification;

/** Ids of processes/rectification.bpmn (整改督办) that code and tests rely on. */
public final class RectificationProcess {

    public static final String PROCESS_KEY = "rectification";
    public static final String VERSION_1 = "1.0";

    public static final String STARTED = "rectificationStarted";
    public static final String ISSUE_NOTICE = "issueRectificationNotice";
    public static final String RECORD_REPORT = "recordRectificationReport";
    public static final String CHECK = "checkRectification";
    public static final String REVIEW_OVERDUE = "reviewOverdueRectification";
    public static final String FOLLOW_UP_DUE = "followUpDue";
    public static final String RECORD_FOLLOW_UP = "recordFollowUp";
    public static final String OPEN_CASE = "openRectificationCase";
    public static final String COMPLETED = "rectificationCompleted";
    public static final String ESCALATED = "rectificationEscalated";

    private RectificationProcess() {
    }
}
