package cn.jiandu.accountability;

import cn.jiandu.common.Labelled;

/** Accountability measures (问责方式) in increasing weight; from ADMONISHMENT up, leaders approve. */
public enum Measure implements Labelled {
    NONE("不予问责"),
    CRITICISM_EDUCATION("批评教育"),
    ORDERED_INSPECTION("责令检查"),
    CIRCULATED_CRITICISM("通报"),
    ADMONISHMENT("诫勉"),
    ORGANIZATIONAL_ADJUSTMENT("组织调整或组织处理"),
    DISCIPLINARY_SANCTION("纪律处分"),
    CASE_FILING("立案审查调查");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean needsLeaderApproval() {
        return compareTo(ADMONISHMENT) >= 0;
    }
}
