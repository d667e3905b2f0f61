package cn.jiandu.accountability;

import cn.jiandu.common.Labelled;

/** Accountability of a party organisation (对党组织的问责), apart from the measures for its members. */
public enum UnitMeasure implements Labelled {
    ORG_INSPECTION("检查"),
    ORG_CIRCULATION("通报"),
    ORG_REORGANIZATION("改组");

    private final String label;

    UnitMeasure(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Leaders approve a 通报 (it is read beyond the organisation) and a 改组 (organisational); an order to
     * examine itself (检查), like a person's 责令检查, case-review decides.
     */
    public boolean needsLeaderApproval() {
        return this != ORG_INSPECTION;
    }
}
