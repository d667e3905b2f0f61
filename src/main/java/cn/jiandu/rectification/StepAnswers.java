package cn.jiandu.rectification;

import cn.jiandu.common.Vars;
import cn.jiandu.steps.Field;
import cn.jiandu.steps.StepInput;
import cn.jiandu.steps.StepInputCheck;
import cn.jiandu.steps.StepInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a person completed a step with, read the way the step declares it (RectificationSteps) and
 * refused field by field as a FormFieldValidationException (a 400 naming the field in Tasklist and
 * the REST API). The engine API gate holds REST completions to the same declaration; this holds the
 * Java API too.
 */
final class StepAnswers {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DelegateTask task;
    private final StepInput step;
    private final ZoneId zone;

    private StepAnswers(DelegateTask task, StepInput step, ZoneId zone) {
        this.task = task;
        this.step = step;
        this.zone = zone;
    }

    /** The answers of the task's step, each declared field checked for kind, choice and length. */
    static StepAnswers of(DelegateTask task, ZoneId zone) {
        StepInput step = new RectificationSteps().steps().stream()
                .filter(s -> s.step().equals(task.getTaskDefinitionKey())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no declaration of " + task.getTaskDefinitionKey()));
        Map<String, Object> values = new HashMap<>();
        step.takes().values().stream().filter(field -> field.kind() != Field.Kind.LIST)
                .forEach(field -> values.put(field.name(), plain(task.getVariable(field.name()))));
        try {
            StepInputCheck.checkValues(step, values);
        } catch (StepInputException refused) {
            throw new FormFieldValidationException(refused.field(), refused.getMessage());
        }
        return new StepAnswers(task, step, zone);
    }

    /** A date the engine holds as a Date is checked as a day here, not as the text the gate sees. */
    private static Object plain(Object value) {
        return value instanceof Date ? null : value;
    }

    String text(String name) {
        return Vars.string(task, name);
    }

    String requiredText(String name) {
        String text = text(name);
        if (text == null) {
            throw refused(name, "不能为空");
        }
        return text;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            throw refused(name, "须选择：" + String.join("、", step.takes().get(name).choiceLabels()));
        }
        return Enum.valueOf(type, value);
    }

    /** A day: 2026-03-01, a date and time (its day in the commission's zone), or the engine's Date. */
    LocalDate requiredDay(String name) {
        Object value = task.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = value == null ? null : value.toString().trim();
        if (text == null || text.isEmpty()) {
            throw refused(name, "不能为空，请写成 2026-03-01");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADay) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate();
            } catch (DateTimeParseException unreadable) {
                throw refused(name, "不是有效日期：请写成 2026-03-01");
            }
        }
    }

    /** A deadline: a day after today and at most a year ahead. */
    LocalDate deadline(String name, LocalDate today) {
        LocalDate day = requiredDay(name);
        if (!day.isAfter(today)) {
            throw refused(name, "须晚于今天（" + DAY.format(today) + "）");
        }
        if (day.isAfter(today.plusYears(1))) {
            throw refused(name, "最长一年，不能晚于 " + DAY.format(today.plusYears(1)));
        }
        return day;
    }

    /** The rows of a list, each item's content, in order. */
    List<String> rows(Field list, String item) {
        JsonNode rows;
        try {
            rows = StepInputCheck.rows(list, json(task.getVariable(list.name())));
        } catch (StepInputException e) {
            throw new FormFieldValidationException(list.name(), e.getMessage());
        }
        List<String> contents = new ArrayList<>();
        rows.forEach(row -> contents.add(row.path(item).asText().strip()));
        return contents;
    }

    FormFieldValidationException refused(String name, String why) {
        Field field = step.takes().get(name);
        String label = field == null ? name : field.label();
        return new FormFieldValidationException(name, label + "（" + name + "）" + why);
    }

    private JsonNode json(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            return JSON.valueToTree(raw);
        }
        // JSON text, or a Spin JSON value, whose text is its JSON.
        try {
            return JSON.readTree(raw.toString());
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(raw.toString());
        }
    }
}
