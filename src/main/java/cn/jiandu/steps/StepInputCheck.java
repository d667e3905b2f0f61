package cn.jiandu.steps;

import cn.jiandu.common.AcceptedDates;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks the variables a client sends to a step, in the engine REST API's form
 * ({@code {"name": {"value": ..., "type": ..., "valueInfo": ...}}}), against what the step takes,
 * and returns only what it takes, in a canonical form. Fields the form only shows are dropped;
 * anything else is refused with a message that names the field.
 */
public final class StepInputCheck {


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEXT_TYPES = Set.of("string");
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private StepInputCheck() {
    }

    /** For a start form, which shows nothing. */
    public static ObjectNode clean(StepInput step, JsonNode variables) {
        return clean(step, variables, Map.of());
    }

    /**
     * @param shown the current values of the fields the step's form shows: Tasklist may send them
     *              back unchanged (dropped); a changed one is refused, as it cannot be changed here
     */
    public static ObjectNode clean(StepInput step, JsonNode variables, Map<String, Object> shown) {
        ObjectNode cleaned = JsonNodeFactory.instance.objectNode();
        if (variables == null || variables.isNull()) {
            return cleaned;
        }
        if (!variables.isObject()) {
            throw new StepInputException("variables", "variables 须为 JSON 对象：每个字段一项，形如 {\"字段\": {\"value\": 值}}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            Field field = step.takes().get(name);
            if (field == null) {
                if (step.shows().contains(name)) {
                    if (sameAsShown(entry.getValue(), shown.get(name))) {
                        continue;
                    }
                    throw new StepInputException(name, "本环节只显示“" + name + "”，不能修改它。本环节可填写的字段："
                            + String.join("、", step.takes().keySet()));
                }
                throw new StepInputException(name, "本环节不接受字段“" + name + "”。本环节可填写的字段："
                        + String.join("、", step.takes().keySet()));
            }
            cleaned.set(name, variable(field, entry.getValue()));
        }
        return cleaned;
    }

    /** Whether a shown field comes back as it was shown; a date is shown as the webapp formats it, and dropped. */
    private static boolean sameAsShown(JsonNode sent, Object current) {
        JsonNode value = sent == null ? null : sent.path("value");
        if (value == null || value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return current == null || current.toString().isEmpty();
        }
        if (current == null) {
            return false;
        }
        if (current instanceof java.util.Date) {
            return true;
        }
        if (value.isBoolean()) {
            return current.equals(value.asBoolean());
        }
        if (value.isNumber()) {
            return current instanceof Number number && number.doubleValue() == value.asDouble();
        }
        return value.asText().equals(current.toString());
    }

    /**
     * The same checks for values already in the engine's hands (a process started through the Java
     * API): each declared field that has a value is checked as if a client had sent it.
     */
    public static void checkValues(StepInput step, Map<String, ?> values) {
        ObjectNode sent = JsonNodeFactory.instance.objectNode();
        values.forEach((name, value) -> {
            if (value != null && step.takes().containsKey(name)) {
                sent.putObject(name).set("value", JSON.valueToTree(value));
            }
        });
        clean(step, sent);
    }

    private static ObjectNode variable(Field field, JsonNode variable) {
        if (variable == null || !variable.isObject()) {
            throw new StepInputException(field.name(), field.named() + "须写成 {\"value\": 值} 的形式");
        }
        JsonNode value = variable.path("value");
        String type = variable.path("type").isTextual() ? variable.path("type").asText().toLowerCase() : null;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (field.kind()) {
            case TEXT, CHOICE, USER -> {
                requireType(field, type, TEXT_TYPES, "文本");
                out.set("value", text(field, value));
                out.put("type", "String");
            }
            case YES_NO -> {
                requireType(field, type, Set.of("boolean"), "是/否（true 或 false）");
                if (!value.isMissingNode() && !value.isNull() && !value.isBoolean()) {
                    throw new StepInputException(field.name(), field.named() + "须为 true 或 false");
                }
                out.set("value", value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
                out.put("type", "Boolean");
            }
            case DATE -> {
                requireType(field, type, Set.of("string", "date"), "日期");
                JsonNode date = text(field, value);
                if (!date.isNull()) {
                    checkDate(field, date.asText(), "date".equals(type));
                }
                out.set("value", date);
                out.put("type", "date".equals(type) ? "Date" : "String");
            }
            case LIST -> {
                JsonNode list = list(field, value, type);
                out.put("value", list.toString());
                out.put("type", "Json");
            }
        }
        if (field.confidential()) {
            out.putObject("valueInfo").put("transient", true);
        }
        return out;
    }

    private static void requireType(Field field, String type, Set<String> allowed, String expected) {
        if (type != null && !allowed.contains(type)) {
            throw new StepInputException(field.name(), field.named() + "须为" + expected + "，不能是 " + type + " 类型");
        }
    }

    private static JsonNode text(Field field, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (!value.isTextual()) {
            throw new StepInputException(field.name(), field.named() + "须为文本");
        }
        String text = value.asText();
        checkText(field, text, field.named());
        return value;
    }

    private static void checkText(Field field, String text, String named) {
        if (field.kind() != Field.Kind.DATE && text.length() > field.maxLength()) {
            throw new StepInputException(field.name(), named + "不能超过 " + field.maxLength() + " 个字（现为 "
                    + text.length() + " 个字）");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new StepInputException(field.name(), named + "含有不可见的控制字符，请删除后重新提交");
        }
        if (field.kind() == Field.Kind.CHOICE && !text.isBlank() && !field.choices().contains(text.trim())) {
            throw new StepInputException(field.name(), named + "须为以下之一：" + String.join("、", field.choiceLabels()));
        }
        if (field.kind() == Field.Kind.USER && !text.isBlank() && !text.matches("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*")) {
            throw new StepInputException(field.name(), named + "须为系统用户名（字母、数字，可含 . _ -）");
        }
        if (field.pattern() != null && !text.isBlank() && !field.pattern().matcher(text).matches()) {
            throw new StepInputException(field.name(), named + field.patternHint());
        }
    }

    private static void checkDate(Field field, String text, boolean engineDateType) {
        TemporalAccessor parsed = engineDateType ? parseEngineDate(text) : parseDate(text);
        if (parsed == null) {
            throw new StepInputException(field.name(), field.named() + "不是有效日期：请写成 2026-03-01 或 2026-03-01T09:00:00+08:00");
        }
        LocalDate day = LocalDate.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                parsed.get(ChronoField.DAY_OF_MONTH));
        if (!AcceptedDates.accepts(day)) {
            throw new StepInputException(field.name(), field.named() + "须在 " + AcceptedDates.RANGE + " 之间");
        }
    }

    private static TemporalAccessor parseDate(String text) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {CAMUNDA_DATE, DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE}) {
            try {
                return format.parse(text.trim());
            } catch (DateTimeParseException notThisOne) {
                // try the next form
            }
        }
        return null;
    }

    /** The engine's own date type takes exactly its REST format, e.g. 2026-03-01T09:00:00.000+0800. */
    private static TemporalAccessor parseEngineDate(String text) {
        try {
            return CAMUNDA_DATE.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A dynamic list as a step's listener meets it (the engine's Java API does not pass the gate), held
     * to the same declaration: the rows, or a refusal naming the row and the item.
     *
     * @param value the list as JSON, or JSON text of it; null or missing is no rows
     */
    public static JsonNode rows(Field list, JsonNode value) {
        if (list.kind() != Field.Kind.LIST) {
            throw new IllegalArgumentException(list.name() + " is not a list");
        }
        return list(list, value == null ? JsonNodeFactory.instance.missingNode() : value, null);
    }

    private static JsonNode list(Field field, JsonNode value, String type) {
        JsonNode list = value;
        if (value.isTextual()) {
            requireType(field, type, Set.of("json", "object", "string"), "列表（JSON 数组）");
            try {
                list = JSON.readTree(value.asText());
            } catch (JsonProcessingException e) {
                throw new StepInputException(field.name(), field.named() + "须为 JSON 数组，每行一个对象");
            }
        }
        if (list == null || list.isMissingNode() || list.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!list.isArray()) {
            throw new StepInputException(field.name(), field.named() + "须为 JSON 数组，每行一个对象");
        }
        if (list.size() > field.maxLength()) {
            throw new StepInputException(field.name(), field.named() + "最多 " + field.maxLength() + " 行");
        }
        for (int row = 0; row < list.size(); row++) {
            checkRow(field, list.get(row), row + 1);
        }
        return list;
    }

    private static void checkRow(Field field, JsonNode row, int position) {
        String where = field.named() + "第 " + position + " 行：";
        if (!row.isObject()) {
            throw new StepInputException(field.name(), where + "须为一个对象");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> cell = it.next();
            Field item = field.items().stream().filter(f -> f.name().equals(cell.getKey())).findFirst()
                    .orElseThrow(() -> new StepInputException(field.name(), where + "不接受字段“" + cell.getKey()
                            + "”，可填写：" + String.join("、", field.items().stream().map(Field::name).toList())));
            JsonNode value = cell.getValue();
            if (value.isNull()) {
                continue;
            }
            if (item.kind() == Field.Kind.YES_NO) {
                if (!value.isBoolean()) {
                    throw new StepInputException(field.name(), where + item.named() + "须为 true 或 false");
                }
            } else if (!value.isTextual()) {
                throw new StepInputException(field.name(), where + item.named() + "须为文本");
            } else {
                try {
                    checkText(item, value.asText(), where + item.named());
                } catch (StepInputException e) {
                    throw new StepInputException(field.name(), e.getMessage());
                }
                if (item.kind() == Field.Kind.DATE) {
                    checkDate(item, value.asText(), false);
                }
            }
        }
        for (Field item : field.items()) {
            JsonNode value = row.get(item.name());
            if (item.required() && (value == null || value.isNull() || value.isTextual() && value.asText().isBlank())) {
                throw new StepInputException(field.name(), where + "请填写" + item.named());
            }
        }
    }
}
