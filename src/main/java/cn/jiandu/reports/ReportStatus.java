package cn.jiandu.reports;

/** Where a report stands: compiled, reviewed by the office, returned or signed by leaders, mailed. */
public enum ReportStatus {
    COMPILED("待办公室审核"), REVIEWED("待领导签发"), RETURNED("领导退回修改"), SIGNED("已签发"), MAILED("已签发并报送");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean isIssued() {
        return this == SIGNED || this == MAILED;
    }
}
