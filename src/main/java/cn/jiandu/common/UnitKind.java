package cn.jiandu.common;

/**
 * The kind of unit supervised (社区、市场、企业、机关): inspections plan by it, rectifications and the
 * reports count by it.
 */
public enum UnitKind implements Labelled {
    COMMUNITY("社区（村）"), MARKET("农贸市场、商超"), ENTERPRISE("企业"), DEPARTMENT("机关部门"),
    OTHER("其他单位");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
