package cn.jiandu.admin;

import cn.jiandu.accountability.Measure;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/** The checks of one DMN resource; returns the keys of its decisions, problems go to the list it is given. */
final class DmnCheck {

    private static final Map<String, String> BOOLEAN = booleans();

    /** The outputs the processes read from a decision, each with the values they know (and their names). */
    static final Map<String, Map<String, Map<String, String>>> KNOWN_OUTPUTS = Map.of(
            "accountabilityMeasure", Map.of(
                    "recommendedMeasure", measures(),
                    "leaderApprovalRequired", BOOLEAN,
                    "typicalSuggested", BOOLEAN));

    private final String resource;
    private final List<ModelProblem> problems;

    DmnCheck(String resource, List<ModelProblem> problems) {
        this.resource = resource;
        this.problems = problems;
    }

    List<String> check(byte[] content) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException unreadable) {
            problems.add(new ModelProblem(resource, null, "无法解析为 DMN 决策模型（" + unreadable.getMessage()
                    + "）。请在 Camunda Modeler 中打开、修正后重新保存。"));
            return List.of();
        }
        new DmnCodeCheck(resource, problems).check(content);
        List<String> keys = new ArrayList<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            keys.add(decision.getId());
            if (decision.getCamundaHistoryTimeToLiveString() == null || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
                problem(decision, "决策" + describe(decision) + "没有设置历史数据保留期限（historyTimeToLive），请填写 P3650D。");
            }
            Map<String, Map<String, String>> known = KNOWN_OUTPUTS.get(decision.getId());
            if (known != null && decision.getExpression() instanceof DecisionTable table) {
                checkOutputs(decision, table, known);
            }
        }
        return keys;
    }

    private void checkOutputs(Decision decision, DecisionTable table, Map<String, Map<String, String>> known) {
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        List<String> names = outputs.stream().map(Output::getName).toList();
        known.keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(missing ->
                problem(decision, "决策" + describe(decision) + "缺少输出列「" + missing + "」，流程要用它。"));
        for (int column = 0; column < outputs.size(); column++) {
            Output output = outputs.get(column);
            Map<String, String> values = known.get(output.getName());
            if (values == null) {
                continue;
            }
            if (output.getOutputValues() != null) {
                for (String declared : output.getOutputValues().getText().getTextContent().split(",")) {
                    String value = unquote(declared);
                    if (!value.isEmpty() && !values.containsKey(value)) {
                        problem(decision, "决策" + describe(decision) + "的输出列" + label(output) + "列出了流程不认识的值 "
                                + value + "。可用的值：" + choices(values) + "。");
                    }
                }
            }
            for (Rule rule : table.getRules()) {
                OutputEntry entry = new ArrayList<>(rule.getOutputEntries()).get(column);
                String text = entry.getText() == null ? "" : entry.getText().getTextContent().trim();
                String value = unquote(text);
                if (value.isEmpty()) {
                    problem(decision, "决策" + describe(decision) + "的规则 " + rule.getId() + " 没有给出" + label(output)
                            + "。可用的值：" + choices(values) + "。");
                } else if (!values.containsKey(value)) {
                    problem(decision, "决策" + describe(decision) + "的规则 " + rule.getId() + " 给出的" + label(output)
                            + "为 " + text + "，流程不认识这个值。可用的值：" + choices(values) + "。");
                }
            }
        }
    }

    private void problem(Decision decision, String message) {
        problems.add(new ModelProblem(resource, decision.getId(), message));
    }

    private static String describe(Decision decision) {
        return "「" + decision.getName() + "」（" + decision.getId() + "）";
    }

    private static String label(Output output) {
        return output.getLabel() == null ? "「" + output.getName() + "」" : "「" + output.getLabel() + "」（" + output.getName() + "）";
    }

    private static String unquote(String text) {
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String choices(Map<String, String> values) {
        return values.entrySet().stream().map(value -> value.getKey() + "（" + value.getValue() + "）")
                .collect(Collectors.joining("、"));
    }

    private static Map<String, String> booleans() {
        Map<String, String> booleans = new LinkedHashMap<>();
        booleans.put("true", "是");
        booleans.put("false", "否");
        return booleans;
    }

    private static Map<String, String> measures() {
        Map<String, String> measures = new LinkedHashMap<>();
        for (Measure measure : Measure.values()) {
            measures.put(measure.name(), measure.label());
        }
        return measures;
    }
}
