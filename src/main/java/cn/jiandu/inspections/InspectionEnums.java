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

    private InspectionEnums() {
    }
}
