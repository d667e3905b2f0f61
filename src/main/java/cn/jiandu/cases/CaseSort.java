package cn.jiandu.cases;

import cn.jiandu.common.Labelled;

/** How the register and GET /api/cases order cases; each order ends on the case number, so pages never overlap. */
public enum CaseSort implements Labelled {
    REPORTED("登记时间（新→旧）", "reported_at DESC, case_number DESC"),
    CASE_NUMBER("案件编号", "case_number ASC"),
    UPDATED("最近更新", "updated_at DESC, case_number DESC");

    private final String label;
    private final String orderBy;

    CaseSort(String label, String orderBy) {
        this.label = label;
        this.orderBy = orderBy;
    }

    @Override
    public String label() {
        return label;
    }

    String orderBy() {
        return orderBy;
    }
}
