package cn.jiandu.reports;

/** The two reports: the daily report (日报告) and the weekly bulletin (定期通报). */
public enum ReportKind {
    DAILY("疫情防控监督工作日报", "专报", "DAILY_REPORT"),
    WEEKLY("疫情防控监督工作定期通报", "定期通报", "WEEKLY_BULLETIN");

    private final String title;
    private final String mailTag;
    private final String mailKind;

    ReportKind(String title, String mailTag, String mailKind) {
        this.title = title;
        this.mailTag = mailTag;
        this.mailKind = mailKind;
    }

    public String title() {
        return title;
    }

    String mailKind() {
        return mailKind;
    }

    /** What the mail's subject calls it: a daily report goes to the district's leaders as a 专报. */
    String mailTag() {
        return mailTag;
    }
}
