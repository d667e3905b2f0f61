package cn.jiandu.steps;

import cn.jiandu.common.Labelled;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One field a step takes: its name (the form field's key), the label people read, its kind and
 * its limits. Text limits are those of the column the value ends in, so that nothing a person
 * enters can fail later in the database. An item of a list may be required in each row.
 */
public record Field(String name, String label, Kind kind, int maxLength, List<String> choices, List<String> choiceLabels,
        Pattern pattern, String patternHint, boolean confidential, List<Field> items, boolean required) {

    public enum Kind { TEXT, CHOICE, YES_NO, DATE, USER, LIST }

    /** Longest user id the engine stores (ACT_ID_USER.ID_). */
    static final int USER_ID_LENGTH = 64;

    public static Field text(String name, String label, int maxLength) {
        return new Field(name, label, Kind.TEXT, maxLength, List.of(), List.of(), null, null, false, List.of(), false);
    }

    public static <E extends Enum<E>> Field choice(String name, String label, Class<E> values) {
        return choice(name, label, Arrays.asList(values.getEnumConstants()));
    }

    /** A choice among some values of a list, in the order given: a newer route that no longer offers some. */
    public static <E extends Enum<E>> Field choice(String name, String label, Collection<E> values) {
        List<String> names = values.stream().map(Enum::name).toList();
        List<String> shown = values.stream().map(Field::shown).toList();
        return new Field(name, label, Kind.CHOICE, names.stream().mapToInt(String::length).max().orElse(0), names,
                shown, null, null, false, List.of(), false);
    }

    public static Field yesNo(String name, String label) {
        return new Field(name, label, Kind.YES_NO, 0, List.of(), List.of(), null, null, false, List.of(), false);
    }

    public static Field date(String name, String label) {
        return new Field(name, label, Kind.DATE, 0, List.of(), List.of(), null, null, false, List.of(), false);
    }

    public static Field user(String name, String label) {
        return new Field(name, label, Kind.USER, USER_ID_LENGTH, List.of(), List.of(), null, null, false, List.of(),
                false);
    }

    /** A dynamic list of the form (one object per row), at most {@code maxItems} rows. */
    public static Field list(String name, String label, int maxItems, Field... items) {
        return new Field(name, label, Kind.LIST, maxItems, List.of(), List.of(), null, null, false, List.of(items),
                false);
    }

    /** The text must match the pattern; the hint says in words what is allowed. */
    public Field matching(String regex, String hint) {
        return new Field(name, label, kind, maxLength, choices, choiceLabels, Pattern.compile(regex), hint,
                confidential, items, required);
    }

    /** A reporter's identity: checked like any field, then kept out of the engine (transient variable). */
    public Field keptOutOfTheEngine() {
        return new Field(name, label, kind, maxLength, choices, choiceLabels, pattern, patternHint, true, items,
                required);
    }

    /**
     * An item of a list that every row must have (not missing, not blank): a row without it is refused
     * with the row and the item named. A step's own fields are not held to it here, since whether one is
     * needed often depends on other answers; the step's listener decides that.
     */
    public Field requiredInEachRow() {
        return new Field(name, label, kind, maxLength, choices, choiceLabels, pattern, patternHint, confidential,
                items, true);
    }

    /**
     * A value as a message lists it: OPEN（明查）, with the label of Jiandu's lists. Through the interface,
     * not by reflection: a list whose enum is not public (or a constant with a body) keeps its labels.
     */
    private static String shown(Enum<?> value) {
        return value instanceof Labelled labelled ? value.name() + "（" + labelled.label() + "）" : value.name();
    }

    /** How a message names the field: 问题标题（title）. */
    String named() {
        return label + "（" + name + "）";
    }
}
