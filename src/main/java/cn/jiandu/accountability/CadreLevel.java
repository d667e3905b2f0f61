package cn.jiandu.accountability;

import cn.jiandu.common.Labelled;

/** A person's rank (职级): who may hold a cadre accountable follows it (干部管理权限). */
public enum CadreLevel implements Labelled {
    SECTION_OR_BELOW("科级及以下"),
    DIVISION("处级"),
    BUREAU("厅局级");

    private final String label;

    CadreLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
