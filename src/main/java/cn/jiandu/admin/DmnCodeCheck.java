package cn.jiandu.admin;

import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Keeps a decision from running code: every expressionLanguage must be FEEL (with JUEL, the engine
 * evaluates decisions with every Spring bean in reach; with javascript, groovy or python, any
 * installed script engine runs them), and every FEEL text must pass {@link FeelCheck}. Without an
 * expressionLanguage the engine uses FEEL: Jiandu does not enable dmnFeelEnableLegacyBehavior.
 */
final class DmnCodeCheck {

    /** The FEEL namespaces the engine accepts (ExpressionEvaluationHandler.isFeelExpressionLanguage). */
    private static final Set<String> FEEL = Set.of(FEEL_EXPRESSION_LANGUAGE, FEEL_EXPRESSION_LANGUAGE_DMN12,
            FEEL_EXPRESSION_LANGUAGE_DMN13, FEEL_EXPRESSION_LANGUAGE_DMN14, FEEL_EXPRESSION_LANGUAGE_DMN15);
    private static final Set<String> EXPRESSIONS = Set.of("inputExpression", "outputEntry", "literalExpression");
    private static final Map<String, String> PARTS = Map.of("definitions", "", "decision", "",
            "inputExpression", "输入表达式", "inputEntry", "输入条件", "outputEntry", "输出结果",
            "literalExpression", "文字表达式");
    private static final String FEEL_ONLY = "决策中的 FEEL 只能使用常量、输入变量名、比较与区间、not(...)、运算和 FEEL 内置函数，"
            + "不能读取值的成员（a.b）、调用值的方法或定义函数。";

    private final String resource;
    private final List<ModelProblem> problems;

    DmnCodeCheck(String resource, List<ModelProblem> problems) {
        this.resource = resource;
        this.problems = problems;
    }

    void check(byte[] content) {
        Element definitions;
        try {
            definitions = ModelXml.parse(content);
        } catch (ParserConfigurationException | SAXException | IOException unreadable) {
            problems.add(new ModelProblem(resource, null, "无法逐项检查决策中的表达式（" + unreadable.getMessage()
                    + "）。模型不能含 DOCTYPE 声明；请在 Camunda Modeler 中打开后重新保存。"));
            return;
        }
        walk(definitions, definitions, null);
    }

    private void walk(Element definitions, Element element, Element decision) {
        Element within = "decision".equals(ModelXml.localName(element)) ? element : decision;
        String language = element.getAttribute("expressionLanguage");
        if (!language.isEmpty() && !isFeel(language)) {
            refuse(within, where(within, element) + "使用表达式语言「" + language + "」。决策只能用 FEEL 书写"
                    + "（不填表达式语言即为 FEEL）；JUEL、JavaScript、Groovy、Python 等都能执行代码，一律不能部署。");
        } else if ("text".equals(ModelXml.localName(element)) && isFeel(languageOf(definitions, parent(element)))) {
            checkFeel(within, parent(element), ModelXml.ownText(element).strip());
        }
        ModelXml.children(element).forEach(child -> walk(definitions, child, within));
    }

    private void checkFeel(Element decision, Element expression, String text) {
        String kind = ModelXml.localName(expression);
        if (text.isEmpty() || !(EXPRESSIONS.contains(kind) || kind.equals("inputEntry"))) {
            return; // descriptions and the listed input and output values are not evaluated
        }
        Optional<String> refusal = kind.equals("inputEntry") ? FeelCheck.unaryTests(text) : FeelCheck.expression(text);
        refusal.ifPresent(reason -> refuse(decision, where(decision, expression) + " " + text
                + " 不能部署：" + reason + "。" + FEEL_ONLY));
    }

    /** The element's own expression language, else the one of the whole model (as DmnExpressionTransformHelper). */
    private static String languageOf(Element definitions, Element expression) {
        String own = expression.getAttribute("expressionLanguage");
        if (!own.isEmpty()) {
            return own;
        }
        String global = definitions.getAttribute("expressionLanguage");
        return global.isEmpty() ? FEEL_EXPRESSION_LANGUAGE : global;
    }

    static boolean isFeel(String language) {
        return FEEL.contains(language) || FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE.equalsIgnoreCase(language);
    }

    private void refuse(Element decision, String message) {
        problems.add(new ModelProblem(resource, decision == null ? null : decision.getAttribute("id"), message));
    }

    private static Element parent(Element element) {
        return element.getParentNode() instanceof Element parent ? parent : element;
    }

    /** "决策「问责方式建议」（accountabilityMeasure）的输入条件（rule1_severity）", or "决策模型" for the whole model. */
    private static String where(Element decision, Element element) {
        String described = decision == null ? "决策模型" : "决策「" + decision.getAttribute("name") + "」（" + decision.getAttribute("id") + "）";
        String kind = ModelXml.localName(element);
        String label = PARTS.getOrDefault(kind, kind);
        String id = element.getAttribute("id");
        return label.isEmpty() ? described : described + "的" + label + (id.isEmpty() ? "" : "（" + id + "）");
    }
}
