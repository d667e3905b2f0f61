package cn.jiandu.accountability;

import cn.jiandu.common.Labelled;

/** The responsibility a person bears for a problem (责任类型), which the measure for them weighs. */
public enum Responsibility implements Labelled {
    DIRECT("直接责任"),
    PRINCIPAL_LEADERSHIP("主要领导责任"),
    IMPORTANT_LEADERSHIP("重要领导责任");

    private final String label;

    Responsibility(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
