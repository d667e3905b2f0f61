package cn.jiandu.reports;

/**
 * Ids of processes/daily-supervision-report.bpmn and processes/weekly-supervision-bulletin.bpmn that
 * the Java side uses: one place, so a rename is one edit.
 */
public final class ReportProcesses {

    public static final String DAILY_PROCESS_KEY = "dailySupervisionReport";
    public static final String DAILY_DUE = "dailyReportDue";
    public static final String COMPILE_DAILY = "compileDailyReport";
    public static final String DAILY_ALREADY_HANDLED = "dailyReportAlreadyHandled";
    public static final String REVIEW_DAILY = "reviewDailyReport";
    public static final String SIGN_OFF_DAILY = "signOffDailyReport";
    public static final String MAIL_DAILY = "mailDailyReport";
    public static final String DAILY_MAILED = "dailyReportMailed";

    public static final String WEEKLY_PROCESS_KEY = "weeklySupervisionBulletin";
    public static final String WEEKLY_DUE = "weeklyBulletinDue";
    public static final String COMPILE_WEEKLY = "compileWeeklyBulletin";
    public static final String WEEKLY_ALREADY_HANDLED = "weeklyBulletinAlreadyHandled";
    public static final String REVIEW_WEEKLY = "reviewWeeklyBulletin";
    public static final String SIGN_OFF_WEEKLY = "signOffWeeklyBulletin";
    public static final String MAIL_WEEKLY = "mailWeeklyBulletin";
    public static final String WEEKLY_MAILED = "weeklyBulletinMailed";

    private ReportProcesses() {
    }
}
