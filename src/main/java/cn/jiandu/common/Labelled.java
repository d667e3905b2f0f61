package cn.jiandu.common;

/** A value of one of Jiandu's lists, with the Chinese label people read. */
public interface Labelled {

    String label();

    String name();
}
