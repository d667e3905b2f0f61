package cn.jiandu.admin;

import static java.util.Map.entry;

import cn.jiandu.admin.ExpressionCheck.Position;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Keeps a BPMN model from running code Jiandu did not write. It looks at the plain XML, every
 * element, attribute and text, rather than at the parts the model API knows: scripts, Java
 * classes, connectors, shell and mail tasks are refused wherever they stand, and every text the
 * engine could evaluate is given to {@link ExpressionCheck}.
 */
final class BpmnCodeCheck {

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /** The engine reads the old activiti namespace as camunda's. */
    private static final String ACTIVITI_NS = "http://activiti.org/bpmn";
    private static final String NO_SCRIPTS = "监督系统的流程不运行脚本（Groovy、JavaScript、JUEL、Python 等，内嵌或外部文件都不行）。"
            + "请改用元素模板中的监督系统服务。";
    private static final Map<String, String> KINDS = Map.ofEntries(
            entry("definitions", "模型"), entry("process", "流程"), entry("subProcess", "子流程"),
            entry("callActivity", "调用活动"), entry("userTask", "用户任务"), entry("serviceTask", "服务任务"),
            entry("sendTask", "发送任务"), entry("receiveTask", "接收任务"), entry("scriptTask", "脚本任务"),
            entry("businessRuleTask", "业务规则任务"), entry("manualTask", "人工任务"), entry("task", "任务"),
            entry("startEvent", "开始事件"), entry("endEvent", "结束事件"), entry("boundaryEvent", "边界事件"),
            entry("intermediateCatchEvent", "中间事件"), entry("intermediateThrowEvent", "中间事件"),
            entry("sequenceFlow", "顺序流"), entry("exclusiveGateway", "排他网关"),
            entry("inclusiveGateway", "包容网关"), entry("parallelGateway", "并行网关"),
            entry("eventBasedGateway", "事件网关"), entry("message", "消息"), entry("signal", "信号"));

    private final ExpressionCheck expressions;
    private final String resource;
    private final List<ModelProblem> problems;
    private boolean activitiTold;

    BpmnCodeCheck(ExpressionCheck expressions, String resource, List<ModelProblem> problems) {
        this.expressions = expressions;
        this.resource = resource;
        this.problems = problems;
    }

    void check(byte[] content) {
        Element root;
        try {
            root = ModelXml.parse(content);
        } catch (ParserConfigurationException | SAXException | IOException unreadable) {
            problems.add(new ModelProblem(resource, null, "无法逐项检查模型中的表达式（" + unreadable.getMessage()
                    + "）。模型不能含 DOCTYPE 声明；请在 Camunda Modeler 中打开后重新保存。"));
            return;
        }
        walk(root);
    }

    private void walk(Element element) {
        if (!allowedAsAWhole(element)) {
            return; // one problem for the whole script or connector is enough
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute(element, (Attr) attributes.item(i));
        }
        String text = ModelXml.ownText(element);
        if (isExpression(text)) {
            checkValue(element, where(element), text);
        }
        ModelXml.children(element).forEach(this::walk);
    }

    /** False, with a problem, for what is refused as a whole: a script task, a script, a connector, a custom validator. */
    private boolean allowedAsAWhole(Element element) {
        if (ACTIVITI_NS.equals(element.getNamespaceURI())) {
            activiti(element);
        }
        String owner = describe(owner(element));
        String refusal = switch (ModelXml.localName(element)) {
            case "scriptTask" -> owner + "是脚本任务。" + NO_SCRIPTS;
            case "script" -> owner + "的 " + where(element) + " 中含有脚本。" + NO_SCRIPTS;
            case "connector" -> owner + "使用连接器（camunda:connector），它会从引擎向外发送请求。请改用元素模板中的监督系统服务。";
            case "constraint" -> "validator".equals(element.getAttribute("name"))
                    ? owner + "的表单字段使用自定义校验器（validator " + element.getAttribute("config")
                            + "），它会加载 Java 类或调用组件。请改用表单（formRef）中的校验。"
                    : null;
            default -> null;
        };
        if (refusal != null) {
            refuse(element, refusal);
        }
        return refusal == null;
    }

    private void checkAttribute(Element element, Attr attribute) {
        String namespace = attribute.getNamespaceURI();
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
            return;
        }
        if (ACTIVITI_NS.equals(namespace)) {
            activiti(element);
        }
        String name = ModelXml.localName(attribute);
        String value = attribute.getValue();
        String owner = describe(owner(element));
        if (name.equals("class") || name.endsWith("Class")) {
            refuse(element, owner + "使用 Java 类（" + attribute.getName() + "=\"" + value + "\"）。监督系统的流程只能按名称使用"
                    + "它的组件，例如 ${registerCaseDelegate}：请用元素模板选择服务，监听器同样写 ${组件名}。");
        } else if (name.equals("variableMappingDelegateExpression")) {
            refuse(element, owner + "使用变量映射委托（" + attribute.getName() + "），监督系统没有提供这种组件。");
        } else if (name.equals("resource")) {
            refuse(element, owner + "引用外部脚本文件（" + attribute.getName() + "=\"" + value + "\"）。" + NO_SCRIPTS);
        } else if (name.equals("scriptFormat") || name.equals("language")) {
            refuse(element, owner + "的 " + where(element) + " 用脚本语言「" + value + "」书写。" + NO_SCRIPTS
                    + "条件只能是表达式，例如 ${disposal == 'CLOSE'}。");
        } else if (name.equals("type") && (CAMUNDA_NS.equals(namespace) || ACTIVITI_NS.equals(namespace))
                && !"external".equalsIgnoreCase(value)) {
            refuse(element, owner + "的 camunda:type=\"" + value + "\" 不能部署：它会让引擎执行系统命令或自行发送邮件。"
                    + "请用元素模板选择监督系统的服务。");
        } else if (name.equals("delegateExpression")) {
            checkExpression(element, attribute.getName(), value, Position.DELEGATE);
        } else if (isExpression(value)) {
            checkValue(element, attribute.getName(), value);
        }
    }

    /** Each part the engine may parse on its own (it splits candidate lists itself) must pass, and the whole too. */
    private void checkValue(Element element, String where, String value) {
        for (String part : partsTheEngineParses(value)) {
            if (isExpression(part) && !checkExpression(element, where, part, Position.VALUE)) {
                return;
            }
        }
    }

    private boolean checkExpression(Element element, String where, String expression, Position position) {
        Optional<String> refusal = expressions.refusal(expression, position);
        refusal.ifPresent(reason -> refuse(element, describe(owner(element)) + "的 " + where + " " + shorten(expression)
                + " 不能部署：" + reason + "。" + ExpressionAllowlist.summary()));
        return refusal.isEmpty();
    }

    /**
     * The text, and the entries the engine cuts it into for candidate users and groups (BpmnParse
     * parseCommaSeparatedList, which counts braces without regard to quotes, and strips user(...)
     * and group(...)). Checking only the whole would let ${'}, ${x.getClass()}'} pass as one string.
     */
    static List<String> partsTheEngineParses(String value) {
        List<String> parts = new ArrayList<>();
        parts.add(value);
        boolean insideExpression = false;
        StringBuilder part = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '{' || c == '$') {
                insideExpression = true;
            } else if (c == '}') {
                insideExpression = false;
            } else if (c == ',' && !insideExpression) {
                parts.add(part.toString().trim());
                part.setLength(0);
            }
            if (c != ',' || insideExpression) {
                part.append(c);
            }
        }
        parts.add(part.toString().trim());
        for (String entry : List.copyOf(parts)) {
            for (String prefix : List.of("user(", "group(")) {
                if (entry.startsWith(prefix) && entry.length() > prefix.length()) {
                    parts.add(entry.substring(prefix.length(), entry.length() - 1).trim());
                }
            }
        }
        return parts;
    }

    private void activiti(Element element) {
        if (!activitiTold) {
            activitiTold = true;
            refuse(element, "模型使用了旧的 activiti 扩展命名空间（" + ACTIVITI_NS + "）。请在 Camunda Modeler 中打开，"
                    + "改用 camunda 扩展后重新保存。");
        }
    }

    private void refuse(Element element, String message) {
        Element owner = owner(element);
        problems.add(new ModelProblem(resource, owner == null ? null : owner.getAttribute("id"), message));
    }

    /** The nearest BPMN element with an id: the task, event or flow that a listener, parameter or event definition belongs to. */
    private static Element owner(Element element) {
        for (Node node = element; node instanceof Element candidate; node = node.getParentNode()) {
            if (BPMN_NS.equals(candidate.getNamespaceURI()) && candidate.hasAttribute("id")
                    && !ModelXml.localName(candidate).endsWith("EventDefinition")) {
                return candidate;
            }
        }
        return null;
    }

    private static String describe(Element owner) {
        if (owner == null) {
            return "模型";
        }
        String kind = KINDS.getOrDefault(ModelXml.localName(owner), "元素");
        String name = owner.getAttribute("name").strip();
        return kind + (name.isEmpty() ? "" : "「" + name + "」") + "（" + owner.getAttribute("id") + "）";
    }

    /** The element as an administrator finds it in the properties panel, e.g. camunda:inputParameter「reminderTask」. */
    private static String where(Element element) {
        String name = element.getAttribute("name");
        return element.getTagName() + (name.isEmpty() || element == owner(element) ? "" : "「" + name + "」");
    }

    private static String shorten(String expression) {
        return expression.length() <= 200 ? expression : expression.substring(0, 197) + "...";
    }

    private static boolean isExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }
}
