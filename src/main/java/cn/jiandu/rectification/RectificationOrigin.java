package cn.jiandu.rectification;

import cn.jiandu.common.Labelled;

/** What asked for a rectification. */
public enum RectificationOrigin implements Labelled {
    /** A served accountability decision: the unit fixes what the case found (serveDecision). */
    DECISION("问责决定后整改"),
    /** An exempted case's corrective measures (容错纠错：纠错). */
    EXEMPTION("容错后纠错整改"),
    /** A problem an inspection found that the team had rectified without a case. */
    INSPECTION("监督检查发现问题整改");

    private final String label;

    RectificationOrigin(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
