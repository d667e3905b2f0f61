package cn.jiandu.accountability;

import static cn.jiandu.steps.Field.choice;
import static cn.jiandu.steps.Field.list;
import static cn.jiandu.steps.Field.text;
import static cn.jiandu.steps.Field.yesNo;

import cn.jiandu.steps.Field;
import cn.jiandu.steps.StepInputCheck;
import cn.jiandu.steps.StepInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The persons of a case as a step's form enters them: a dynamic list (one row per person), which
 * Tasklist submits as a JSON array of objects. {@link #FIELD} is the one declaration the route's
 * steps take it by (the gate holds REST clients to it); {@link #parse} holds a listener's input to
 * the same declaration, since the engine's Java API does not pass the gate.
 */
public final class PersonsInput {

    /** Persons in one case; the form's list and the gate refuse more. */
    public static final int MAX_PERSONS = 20;

    /** Limits are those of jd_case_person (V8__case_persons.sql). Name and unit find earlier cases. */
    public static final Field FIELD = list("persons", "涉及人员", MAX_PERSONS,
            text("name", "姓名", 50).requiredInEachRow(),
            text("unit", "工作单位", 200).requiredInEachRow(),
            text("post", "职务", 100),
            choice("level", "职级", CadreLevel.class),
            yesNo("partyMember", "中共党员"),
            yesNo("publicServant", "公职人员"),
            choice("responsibility", "责任类型", Responsibility.class).requiredInEachRow(),
            yesNo("repeatOffence", "屡犯"));

    /**
     * The measures route version 2 offers for a person: a party-discipline or government sanction is
     * decided only after filing, so the version 1 measures DISCIPLINARY_SANCTION and CASE_FILING give way
     * to PROPOSE_FILING.
     */
    private static final Set<Measure> VERSION_2_MEASURES = EnumSet.complementOf(
            EnumSet.of(Measure.DISCIPLINARY_SANCTION, Measure.CASE_FILING));

    /**
     * The persons as decideAccountability takes them (route version 2): the rows the case already has,
     * in the same order, each with the measure chosen. Only {@code measure} is taken from a row; the
     * other items are what the form shows beside it (the DMN's recommendation among them) and must
     * name the same person as the record's row at that position.
     */
    public static final Field DECISION_FIELD = list("persons", "涉及人员及问责方式", MAX_PERSONS,
            text("name", "姓名", 50),
            text("unit", "工作单位", 200),
            text("post", "职务", 100),
            choice("level", "职级", CadreLevel.class),
            yesNo("partyMember", "中共党员"),
            yesNo("publicServant", "公职人员"),
            choice("responsibility", "责任类型", Responsibility.class),
            yesNo("repeatOffence", "屡犯"),
            yesNo("repeatOffenceProposed", "系统提示屡犯"),
            choice("recommendedMeasure", "建议问责方式", VERSION_2_MEASURES),
            choice("measure", "问责方式", VERSION_2_MEASURES).requiredInEachRow());

    private static final ObjectMapper JSON = new ObjectMapper();

    private PersonsInput() {
    }

    /**
     * The persons, in the order entered, or a {@link FormFieldValidationException} (a 400 with its
     * message in Tasklist and the REST API) naming the row and the item to correct.
     *
     * @param raw the variable: JSON text, a Spin JSON value, or a list of maps through the Java API;
     *            null is nobody
     */
    public static List<Person> parse(Object raw) {
        JsonNode rows;
        try {
            rows = StepInputCheck.rows(FIELD, json(raw));
        } catch (StepInputException e) {
            throw new FormFieldValidationException(FIELD.name(), e.getMessage());
        }
        List<Person> persons = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Person person = person(rows.get(i), i + 1);
            Integer same = seen.putIfAbsent(person.name() + "\n" + person.unit(), person.position());
            if (same != null) {
                throw new FormFieldValidationException(FIELD.name(), "涉及人员（persons）第 " + person.position()
                        + " 行与第 " + same + " 行是同一人（姓名、工作单位相同），请合并为一行");
            }
            persons.add(person);
        }
        return persons;
    }

    /**
     * The measure decided for each of the case's persons (route version 2's decideAccountability), in
     * the record's order, or a {@link FormFieldValidationException} naming the row: the rows must be the
     * record's persons, none added, removed or moved, and the measures those version 2 imposes.
     *
     * @param recorded the case's persons as the record holds them
     * @param firstFormOnly the inquiry's light handling (谈话函询后从轻处理): first-form measures or none
     */
    public static List<Measure> decidedMeasures(Object raw, List<Person> recorded, boolean firstFormOnly) {
        JsonNode rows;
        try {
            rows = StepInputCheck.rows(DECISION_FIELD, json(raw));
        } catch (StepInputException e) {
            throw new FormFieldValidationException(DECISION_FIELD.name(), e.getMessage());
        }
        if (rows.size() != recorded.size()) {
            throw new FormFieldValidationException(DECISION_FIELD.name(), "涉及人员及问责方式（persons）须是本案已登记的 "
                    + recorded.size() + " 人，按原顺序逐人选择问责方式（现为 " + rows.size() + " 行）：不能增加或删除人员，"
                    + "人员有误请退回初步核实更正");
        }
        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            Person person = recorded.get(i);
            String where = "涉及人员及问责方式（persons）第 " + (i + 1) + " 行";
            String name = textOf(row, "name");
            String unit = textOf(row, "unit");
            if (name != null && !name.equals(person.name()) || unit != null && !unit.equals(person.unit())) {
                throw new FormFieldValidationException(DECISION_FIELD.name(), where + "是“" + name + "（" + unit
                        + "）”，本案第 " + (i + 1) + " 位是“" + person.name() + "（" + person.unit()
                        + "）”：不能增加、删除或调整人员顺序，只能选择问责方式");
            }
            Measure measure = choiceOf(row, "measure", Measure.class);
            if (measure == Measure.DISCIPLINARY_SANCTION || measure == Measure.CASE_FILING) {
                throw new FormFieldValidationException(DECISION_FIELD.name(), where + "（" + person.name() + "）：“"
                        + measure.label() + "”不再使用；党纪处分、政务处分须立案审查调查后作出，请选择“"
                        + Measure.PROPOSE_FILING.label() + "”（PROPOSE_FILING）");
            }
            if (firstFormOnly && measure != Measure.NONE && measure.form() != 1) {
                throw new FormFieldValidationException(DECISION_FIELD.name(), where + "（" + person.name()
                        + "）：谈话函询后从轻处理只能选择第一种形态的问责方式（谈话提醒、批评教育、责令检查、通报批评、诫勉）"
                        + "或不予问责，不能选择“" + measure.label() + "”");
            }
            measures.add(measure);
        }
        return measures;
    }

    private static JsonNode json(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            try {
                return JSON.valueToTree(raw);
            } catch (IllegalArgumentException e) {
                throw new FormFieldValidationException(FIELD.name(), "涉及人员（persons）须为 JSON 数组，每人一个对象");
            }
        }
        if (raw instanceof JsonNode node) {
            return node;
        }
        // JSON text, or a Spin JSON value, whose text is its JSON.
        try {
            return JSON.readTree(raw.toString());
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(raw.toString());
        }
    }

    private static Person person(JsonNode row, int position) {
        return Person.entered(position, textOf(row, "name"), textOf(row, "unit"), textOf(row, "post"),
                choiceOf(row, "level", CadreLevel.class), yesNoOf(row, "partyMember"), yesNoOf(row, "publicServant"),
                choiceOf(row, "responsibility", Responsibility.class), yesNoOf(row, "repeatOffence"));
    }

    /** Trimmed, full-width spaces too: names and units are compared as stored. */
    private static String textOf(JsonNode row, String item) {
        JsonNode value = row.get(item);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static <E extends Enum<E>> E choiceOf(JsonNode row, String item, Class<E> type) {
        String name = textOf(row, item);
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Boolean yesNoOf(JsonNode row, String item) {
        JsonNode value = row.get(item);
        return value == null || value.isNull() ? null : value.asBoolean();
    }
}
