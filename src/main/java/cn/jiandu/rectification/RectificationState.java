package cn.jiandu.rectification;

import cn.jiandu.common.Labelled;

/** Where a rectification stands; jd_rectification.state. */
public enum RectificationState implements Labelled {
    NOTICE_PENDING("待下发整改通知"),
    RECTIFYING("整改中"),
    CHECKING("待核查"),
    FOLLOW_UP_PENDING("待回头看"),
    COMPLETED("整改完成"),
    ESCALATED("转立案追究");

    private final String label;

    RectificationState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Still to be worked on (open in the reports' sense). */
    public boolean open() {
        return this != COMPLETED && this != ESCALATED;
    }
}
