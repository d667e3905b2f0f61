package cn.jiandu.inspections;

import cn.jiandu.cases.CaseEnums;
import cn.jiandu.common.Labelled;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Zone;
import cn.jiandu.common.Vars;
import cn.jiandu.identity.Groups;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Handling;
import cn.jiandu.inspections.InspectionEnums.RectifyWithin;
import cn.jiandu.inspections.InspectionEnums.Mode;
import cn.jiandu.inspections.InspectionEnums.Scope;
import cn.jiandu.common.UnitKind;
import cn.jiandu.system.SaneDate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What planning and recording an inspection must be given, however it arrives (Tasklist form or
 * REST). A failure is a FormFieldValidationException, shown by Tasklist and the REST API as a 400
 * with its message, so the officer can correct the entry.
 */
final class InspectionCheck {

    static final int MAX_FINDINGS = 50;
    static final int MAX_FINDING_DESCRIPTION = 8000;

    record Plan(String unit, UnitKind unitKind, Zone zone, Mode mode, Scope scope, Channel channel, String focus,
            LocalDate plannedDate) {
    }

    /**
     * One problem as entered; {@code rectifyDays} only with WITHIN_DAYS. {@code handlingNote} says why Jiandu
     * handles it otherwise than chosen (a repeat opens a case).
     */
    record NewFinding(ProblemType problemType, String description, String unit, String personsInvolved,
            Handling handling, Integer rectifyDays, String handlingNote) {

        /** A repeat of the unit's problem within a year: a case, whatever the team chose (依规立案). */
        NewFinding asRepeat() {
            return new NewFinding(problemType, description, unit, personsInvolved, Handling.CASE, null, REPEAT_NOTE);
        }
    }

    static final String REPEAT_NOTE = "一年内同类问题再次发现，依规立案";

    record Outcome(LocalDate inspectedOn, String summary, List<NewFinding> findings) {
    }

    private InspectionCheck() {
    }

    /** The plan, checked; {@code planner} is the person the engine starts the inspection for. */
    static Plan plan(VariableScope variables, ZoneId zone, Authentication planner) {
        String unit = text(variables, "unit", "被检查单位", 200, true);
        UnitKind unitKind = choice(variables, "unitKind", "单位类别", UnitKind.class);
        Zone area = choice(variables, "zone", "片区", Zone.class);
        Mode mode = choice(variables, "inspectionMode", "明查或暗访", Mode.class);
        Scope scope = choice(variables, "inspectionScope", "检查范围", Scope.class);
        Channel channel = choice(variables, "inspectionChannel", "检查方式", Channel.class);
        String focus = text(variables, "inspectionFocus", "检查重点", 2000, scope == Scope.FOCUSED);
        LocalDate plannedDate = date(variables, "plannedDate", "计划检查日期", zone);
        requireOwnZone(area, planner);
        return new Plan(unit, unitKind, area, mode, scope, channel, focus, plannedDate);
    }

    static Outcome outcome(VariableScope variables, String inspectedUnit, LocalDate today, ZoneId zone,
            ObjectMapper json) {
        LocalDate inspectedOn = date(variables, "inspectedOn", "实际检查日期", zone);
        if (inspectedOn.isAfter(today)) {
            throw new FormFieldValidationException("inspectedOn", "实际检查日期（inspectedOn）不能晚于今天");
        }
        String summary = text(variables, "inspectionSummary", "检查情况", 10000, true);
        List<NewFinding> findings = findings(variables.getVariable("findings"), inspectedUnit, json);
        boolean problemsFound = Vars.isTrue(variables, "problemsFound");
        if (problemsFound && findings.isEmpty()) {
            throw new FormFieldValidationException("findings", "已勾选“发现问题”，请在问题清单（findings）中至少填写一条问题");
        }
        if (!problemsFound && !findings.isEmpty()) {
            throw new FormFieldValidationException("problemsFound",
                    "问题清单（findings）中有 " + findings.size() + " 条问题，请勾选“发现问题”（problemsFound），或清空问题清单");
        }
        return new Outcome(inspectedOn, summary, findings);
    }

    /**
     * A zone's team plans the inspections of its own zone only: the team that carries it out
     * (recordInspection's candidates) and those who see it while it is confidential follow the zone, so a
     * plan for the other zone would be hidden from its author and imposed on the other team. Checked here,
     * where every way of planning arrives (Tasklist's start form, /engine-rest start and submit-form).
     */
    private static void requireOwnZone(Zone zone, Authentication planner) {
        List<String> groups = planner == null || planner.getGroupIds() == null ? List.of() : planner.getGroupIds();
        String team = Groups.teamOfZone(zone.name());
        if (groups.contains(team)) {
            return;
        }
        List<String> own = Arrays.stream(Zone.values()).filter(z -> groups.contains(Groups.teamOfZone(z.name())))
                .map(z -> z.name() + "（" + z.label() + "）").toList();
        throw new FormFieldValidationException("zone", "只有" + Groups.NAMES.get(team) + "可以为" + zone.label()
                + "制定检查计划" + (own.isEmpty() ? "；检查计划须由片区的监督检查组制定"
                        : "；您所在的监督检查组只能选择片区（zone）" + String.join("、", own)));
    }

    /**
     * The findings list as Tasklist submits a dynamic list (a JSON array of objects), or as a REST
     * client may send it (JSON text, or a list of maps through the Java API).
     */
    static List<NewFinding> findings(Object raw, String inspectedUnit, ObjectMapper json) {
        if (raw == null) {
            return List.of();
        }
        JsonNode list;
        try {
            list = raw instanceof Collection<?> || raw instanceof Map<?, ?> ? json.valueToTree(raw)
                    : json.readTree(raw.toString());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new FormFieldValidationException("findings", "问题清单（findings）须为 JSON 数组，每条问题一个对象");
        }
        if (list == null || list.isNull() || list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new FormFieldValidationException("findings", "问题清单（findings）须为 JSON 数组，每条问题一个对象");
        }
        if (list.size() > MAX_FINDINGS) {
            throw new FormFieldValidationException("findings", "一次检查最多登记 " + MAX_FINDINGS + " 条问题，请分次登记");
        }
        List<NewFinding> findings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            findings.add(finding(list.get(i), i + 1, inspectedUnit));
        }
        return findings;
    }

    private static NewFinding finding(JsonNode item, int position, String inspectedUnit) {
        String where = "问题清单第 " + position + " 条：";
        if (!item.isObject()) {
            throw new FormFieldValidationException("findings", where + "须为一个对象，含 problemType、description 等字段");
        }
        String type = textOf(item, "problemType");
        if (!CaseEnums.isValid(ProblemType.class, type)) {
            throw new FormFieldValidationException("findings",
                    where + "问题类型（problemType）须为以下之一：" + choices(ProblemType.class));
        }
        String description = textOf(item, "description");
        if (description == null) {
            throw new FormFieldValidationException("findings", where + "请填写问题描述（description）");
        }
        if (description.length() > MAX_FINDING_DESCRIPTION) {
            throw new FormFieldValidationException("findings",
                    where + "问题描述（description）不能超过 " + MAX_FINDING_DESCRIPTION + " 个字");
        }
        String unit = textOf(item, "unit");
        if (unit != null && unit.length() > 200) {
            throw new FormFieldValidationException("findings", where + "涉及单位（unit）不能超过 200 个字");
        }
        String persons = textOf(item, "personsInvolved");
        if (persons != null && persons.length() > 2000) {
            throw new FormFieldValidationException("findings", where + "涉及人员（personsInvolved）不能超过 2000 个字");
        }
        String handling = textOf(item, "handling");
        if (!CaseEnums.isValid(Handling.class, handling)) {
            throw new FormFieldValidationException("findings",
                    where + "处理方式（handling）须为以下之一：" + choices(Handling.class));
        }
        Integer days = null;
        if (Handling.valueOf(handling) == Handling.WITHIN_DAYS) {
            String within = textOf(item, "rectifyDays");
            if (!CaseEnums.isValid(RectifyWithin.class, within)) {
                throw new FormFieldValidationException("findings",
                        where + "限期整改须选择整改期限（rectifyDays）：" + choices(RectifyWithin.class));
            }
            days = RectifyWithin.valueOf(within).days();
        }
        return new NewFinding(ProblemType.valueOf(type), description, unit == null ? inspectedUnit : unit, persons,
                Handling.valueOf(handling), days, null);
    }

    private static String textOf(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static String text(VariableScope variables, String name, String label, int max, boolean required) {
        String value = Vars.string(variables, name);
        if (value == null && required) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能为空");
        }
        if (value != null && value.length() > max) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能超过 " + max + " 个字");
        }
        return value;
    }

    private static <E extends Enum<E> & Labelled> E choice(VariableScope variables, String name, String label,
            Class<E> type) {
        String value = Vars.string(variables, name);
        if (!CaseEnums.isValid(type, value)) {
            throw new FormFieldValidationException(name, label + "（" + name + "）须为以下之一：" + choices(type));
        }
        return Enum.valueOf(type, value);
    }

    private static LocalDate date(VariableScope variables, String name, String label, ZoneId zone) {
        Object value = variables.getVariable(name);
        if (value instanceof Date date) {
            return inRange(date.toInstant().atZone(zone).toLocalDate(), name, label);
        }
        String text = Vars.string(variables, name);
        if (text == null) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能为空");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new FormFieldValidationException(name, label + "（" + name + "）须为日期，格式如 2025-01-31");
        }
        return inRange(date, name, label);
    }

    private static LocalDate inRange(LocalDate date, String name, String label) {
        if (!SaneDate.Check.accepts(date)) {
            throw new FormFieldValidationException(name, label + "（" + name + "）须在 " + SaneDate.RANGE + " 之间");
        }
        return date;
    }

    private static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name() + "（" + e.label() + "）")
                .collect(Collectors.joining("、"));
    }
}
