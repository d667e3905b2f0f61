package cn.jiandu.appeals;

import cn.jiandu.common.Labelled;

/** What the review of an appeal decides about the decision appealed against (问责条例: 维持、变更、撤销). */
public enum AppealOutcome implements Labelled {
    UPHELD("维持"),
    CHANGED("变更"),
    REVOKED("撤销");

    private final String label;

    AppealOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
