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

    /** Timers: the reminder before the unit's deadline, the deadline itself, and each team step's due date. */
    public static final String REPORT_REMINDER = "rectificationReminder";
    public static final String OVERDUE = "rectificationOverdue";
    public static final String NOTICE_OVERDUE = "noticeOverdue";
    public static final String CHECK_OVERDUE = "checkOverdue";
    public static final String FOLLOW_UP_OVERDUE = "followUpOverdue";

    /** The service tasks that mail those reminders. */
    public static final String SEND_REPORT_REMINDER = "sendRectificationReminder";
    public static final String REMIND_NOTICE_OVERDUE = "remindNoticeOverdue";
    public static final String REMIND_CHECK_OVERDUE = "remindCheckOverdue";
    public static final String REMIND_FOLLOW_UP_OVERDUE = "remindFollowUpOverdue";

    /** Variables that route the process or time it (facts live in jd_rectification). */
    static final String DEADLINE = "rectificationDeadline";
    static final String FOLLOW_UP_DATE = "followUpDate";
    static final String STEP_DUE_DATE = "stepDueDate";

    private RectificationProcess() {
    }
}
