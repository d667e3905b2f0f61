package cn.jiandu.inspections;

import cn.jiandu.common.Labelled;

/** The value lists of an inspection (明察暗访), each with the Chinese label people read. */
public final class InspectionEnums {

    /** 明查 or 暗访: an unannounced inspection stays confidential until it has been carried out. */
    public enum Mode implements Labelled {
        OPEN("明查"), UNANNOUNCED("暗访");
        private final String label;
        Mode(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Scope implements Labelled {
        COMPREHENSIVE("全面检查"), FOCUSED("重点检查");
        private final String label;
        Scope(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** Remote video inspections add no burden and no infection risk for the unit inspected. */
    public enum Channel implements Labelled {
        ON_SITE("实地检查"), REMOTE_VIDEO("远程视频检查");
        private final String label;
        Channel(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Status implements Labelled {
        PLANNED("已计划"), CARRIED_OUT("已实施");
        private final String label;
        Status(String label) { this.label = label; }
        public String label() { return label; }
    }

    /**
     * How the team handles a problem it found: a case (发现一起，查处一起), or for a minor one a rectification
     * without a case — on the spot, or within a few days. A repeat within a year opens a case whatever was chosen.
     */
    public enum Handling implements Labelled {
        CASE("立案办理"), ON_SPOT("当场整改"), WITHIN_DAYS("限期整改");
        private final String label;
        Handling(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** The days a unit gets to rectify a minor finding (限期整改). */
    public enum RectifyWithin implements Labelled {
        DAYS_3(3), DAYS_7(7), DAYS_15(15), DAYS_30(30);
        private final int days;
        RectifyWithin(int days) { this.days = days; }
        public int days() { return days; }
        public String label() { return days + "日内"; }
    }

    private InspectionEnums() {
    }
}
