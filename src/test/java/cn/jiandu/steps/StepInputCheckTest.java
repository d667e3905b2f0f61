package cn.jiandu.steps;

import static cn.jiandu.steps.Field.choice;
import static cn.jiandu.steps.Field.date;
import static cn.jiandu.steps.Field.list;
import static cn.jiandu.steps.Field.text;
import static cn.jiandu.steps.Field.yesNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiandu.accountability.Responsibility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a step takes, checked field by field as a client sends it to the engine REST API. */
class StepInputCheckTest {

    enum Color { RED, GREEN }

    static final StepInput STEP = StepInput.of("process", "task", List.of(
            text("comment", "意见", 10),
            text("phone", "电话", 20).matching("[0-9]{5,20}", "只能是数字").keptOutOfTheEngine(),
            choice("color", "颜色", Color.class),
            yesNo("approved", "同意"),
            date("due", "期限"),
            list("rows", "清单", 2, text("what", "内容", 5).requiredInEachRow(), yesNo("done", "完成"),
                    choice("responsibility", "责任类型", Responsibility.class))),
            Set.of("caseNumber"));

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whatTheStepTakesPassesInCanonicalForm() throws Exception {
        JsonNode cleaned = StepInputCheck.clean(STEP, json("""
                {"comment": {"value": "同意办理"}, "approved": {"value": true, "type": "Boolean"},
                 "color": {"value": "RED"}, "due": {"value": "2026-03-01"},
                 "rows": {"value": "[{\\"what\\": \\"封闭\\", \\"done\\": true}]", "type": "Json"},
                 "phone": {"value": "13900000000"}}"""));
        assertThat(cleaned.get("comment").toString()).isEqualTo("{\"value\":\"同意办理\",\"type\":\"String\"}");
        assertThat(cleaned.get("rows").get("type").asText()).isEqualTo("Json");
        assertThat(cleaned.get("phone").get("valueInfo").get("transient").asBoolean()).isTrue();
    }

    @Test
    void aFieldTheStepDoesNotTakeIsRefusedByName() {
        refused("{\"leaderApprovalRequired\": {\"value\": false}}", "leaderApprovalRequired", "本环节不接受字段");
    }

    @Test
    void aShownFieldIsDroppedWhenUnchangedAndRefusedWhenChanged() throws Exception {
        assertThat(StepInputCheck.clean(STEP, json("{\"caseNumber\": {\"value\": \"JD-2026-00001\"}}"),
                Map.of("caseNumber", "JD-2026-00001"))).isEmpty();
        assertThatThrownBy(() -> StepInputCheck.clean(STEP, json("{\"caseNumber\": {\"value\": \"JD-2026-00002\"}}"),
                Map.of("caseNumber", "JD-2026-00001"))).isInstanceOf(StepInputException.class)
                .hasMessageContaining("只显示");
    }

    @Test
    void eachKindIsHeldToItsForm() {
        refused("{\"comment\": {\"value\": \"十一个字的意见太长了啊啊\"}}", "comment", "不能超过 10 个字");
        refused("{\"comment\": {\"value\": 42}}", "comment", "须为文本");
        refused("{\"comment\": {\"value\": \"x\", \"type\": \"Object\"}}", "comment", "不能是 object 类型");
        refused("{\"comment\": {\"value\": \"a\\u0000b\"}}", "comment", "控制字符");
        refused("{\"color\": {\"value\": \"BLUE\"}}", "color", "RED");
        refused("{\"approved\": {\"value\": \"yes\"}}", "approved", "true 或 false");
        refused("{\"due\": {\"value\": \"-999999999-01-01\"}}", "due", "2020-01-01 至 2199-12-31");
        refused("{\"due\": {\"value\": \"next tuesday\"}}", "due", "不是有效日期");
        refused("{\"due\": {\"value\": \"1900-01-01\"}}", "due", "2020-01-01 至 2199-12-31");
        refused("{\"phone\": {\"value\": \"not-a-phone <script>\"}}", "phone", "只能是数字");
        refused("{\"rows\": {\"value\": \"{not json\", \"type\": \"Json\"}}", "rows", "JSON 数组");
        refused("{\"rows\": {\"value\": \"[{},{},{}]\", \"type\": \"Json\"}}", "rows", "最多 2 行");
        refused("{\"rows\": {\"value\": \"[{\\\"who\\\": \\\"x\\\"}]\", \"type\": \"Json\"}}", "rows", "不接受字段“who”");
        refused("{\"rows\": {\"value\": \"[{\\\"what\\\": \\\"六个字的内容\\\"}]\"}}", "rows", "第 1 行");
    }

    @Test
    void aRowWithoutAnItemEveryRowNeedsIsRefusedNamingTheRowAndTheItem() {
        refused(rows("[{\"what\": \"封闭\"}, {\"done\": true}]"), "rows", "清单（rows）第 2 行：请填写内容（what）");
        refused(rows("[{\"what\": \" \"}]"), "rows", "第 1 行：请填写内容（what）");
        refused(rows("[{\"what\": null, \"done\": false}]"), "rows", "第 1 行：请填写内容（what）");
    }

    @Test
    void aChoiceFromAnotherFeaturesListOffersItsLabels() {
        refused(rows("[{\"what\": \"封闭\", \"responsibility\": \"COLLECTIVE\"}]"), "rows",
                "责任类型（responsibility）须为以下之一：DIRECT（直接责任）、PRINCIPAL_LEADERSHIP（主要领导责任）");
        assertThat(StepInputCheck.clean(STEP, json(rows("[{\"what\": \"封闭\", \"responsibility\": \"DIRECT\"}]")))
                .get("rows").get("value").asText()).contains("DIRECT");
    }

    @Test
    void aListReachingAListenerIsHeldToTheSameDeclaration() {
        Field rows = STEP.takes().get("rows");
        assertThat(StepInputCheck.rows(rows, json("[{\"what\": \"封闭\"}]"))).hasSize(1);
        assertThat(StepInputCheck.rows(rows, JSON.getNodeFactory().textNode("[{\"what\": \"封闭\"}]"))).hasSize(1);
        assertThat(StepInputCheck.rows(rows, null)).isEmpty();
        assertThatThrownBy(() -> StepInputCheck.rows(rows, json("[{\"done\": true}]")))
                .isInstanceOf(StepInputException.class).hasMessageContaining("第 1 行：请填写内容（what）");
    }

    /** A list as the rows variable, sent as Tasklist sends a dynamic list. */
    private static String rows(String array) {
        return "{\"rows\": {\"value\": " + JSON.getNodeFactory().textNode(array) + ", \"type\": \"Json\"}}";
    }

    private static void refused(String variables, String field, String message) {
        assertThatThrownBy(() -> StepInputCheck.clean(STEP, json(variables)))
                .isInstanceOfSatisfying(StepInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
