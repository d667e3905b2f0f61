package cn.jiandu.admin;

import java.util.Optional;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Parser;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Decides whether the engine may evaluate one text of a model: parses it with the engine's own
 * JUEL parser and accepts only the syntax trees that {@link ExpressionAllowlist} allows. Anything
 * it does not know is refused, so that a new kind of node cannot slip through.
 */
final class ExpressionCheck {

    /** Where the text stands: a value the engine computes, or the component of a service task or listener. */
    enum Position { VALUE, DELEGATE }

    private final KnownToJiandu known;

    ExpressionCheck(KnownToJiandu known) {
        this.known = known;
    }

    /** Why the engine must not evaluate the text, or empty when it may. */
    Optional<String> refusal(String text, Position position) {
        Tree tree;
        try {
            tree = new EngineParser().build(text);
        } catch (TreeBuilderException unparsable) {
            return Optional.of("无法解析（" + unparsable.getMessage() + "）");
        }
        AstNode root = (AstNode) tree.getRoot();
        return Optional.ofNullable(position == Position.DELEGATE ? delegate(root) : verdict(root, false));
    }

    /** A delegate expression names the component and nothing else; BpmnCheck tells whether it exists and fits. */
    private static String delegate(AstNode root) {
        boolean bareName = root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier;
        return bareName ? null : "服务任务和监听器的实现只能是组件名称本身，例如 ${registerCaseDelegate}";
    }

    /** Null when the node and everything below it is allowed; otherwise why not. */
    private String verdict(Node node, boolean argumentOfListedMethod) {
        if (node instanceof AstIdentifier identifier) {
            return identifier(identifier.getName(), argumentOfListedMethod);
        }
        if (node instanceof AstMethod method) {
            return method(method);
        }
        if (node instanceof AstProperty property) {
            return property(property);
        }
        if (node instanceof AstFunction function) {
            return ExpressionAllowlist.FUNCTIONS.contains(function.getName()) ? children(node)
                    : "不能调用函数 " + function.getName() + "()";
        }
        if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull) {
            return null;
        }
        if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
                || node instanceof AstParameters) {
            return children(node);
        }
        return "不支持的写法（" + node.getClass().getSimpleName() + "）";
    }

    private String children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            String refusal = verdict(node.getChild(i), false);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private String identifier(String name, boolean argumentOfListedMethod) {
        if (ExpressionAllowlist.ENGINE_OBJECTS.contains(name)) {
            return argumentOfListedMethod ? null : name + " 只能作为组件方法的参数，例如 ${caseStages.enter(execution, 'TRIAGE')}";
        }
        if (isComponent(name)) {
            return "组件 " + name + " 不能作为值使用（只能作为服务任务或监听器的实现）";
        }
        return null; // a process variable
    }

    private String method(AstMethod method) {
        AstProperty called = (AstProperty) method.getChild(0);
        String name = member(called);
        if (name == null) {
            return "方法名只能直接写出，不能计算";
        }
        Node target = called.getChild(0);
        if (!(target instanceof AstIdentifier component && ExpressionAllowlist.methodAllowed(component.getName(), name))) {
            String on = target instanceof AstIdentifier identifier ? identifier.getName() + "." : "";
            return "不能调用 " + on + name + "()：只能调用监督系统组件的指定方法";
        }
        AstParameters arguments = (AstParameters) method.getChild(1);
        for (int i = 0; i < arguments.getCardinality(); i++) {
            String refusal = verdict(arguments.getChild(i), true);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private String property(AstProperty property) {
        String name = member(property);
        if (name == null) {
            return "方括号中只能是字符串或数字常量，例如 recommendation['recommendedMeasure']";
        }
        if (!(property.getChild(0) instanceof AstIdentifier owner)) {
            return "不能读取 ." + name + "：只能读取流程变量的一层属性";
        }
        String base = owner.getName();
        if (ExpressionAllowlist.ENGINE_OBJECTS.contains(base)) {
            return "不能读取 " + base + "." + name + "：引擎对象的属性不可读取";
        }
        if (isComponent(base)) {
            return ExpressionAllowlist.propertyAllowed(base, name) ? null : "不能读取组件的属性 " + base + "." + name;
        }
        return ExpressionAllowlist.isJavaInternal(name) ? "不能读取属性 " + base + "." + name : null;
    }

    /** The name a dot or a bracket with a constant selects; null when it is computed. */
    private static String member(AstProperty property) {
        if (property instanceof NamedDot dot) {
            return dot.name();
        }
        if (property instanceof AstBracket && (property.getChild(1) instanceof AstString
                || property.getChild(1) instanceof AstNumber)) {
            return String.valueOf(((AstNode) property.getChild(1)).eval(null, null)); // a constant needs no context
        }
        return null;
    }

    private boolean isComponent(String name) {
        return ExpressionAllowlist.names(name) || known.componentExists(name);
    }

    /** The parser of the engine's ExpressionFactoryImpl (JEE6 profile), keeping the names after dots readable. */
    private static final class EngineParser extends Builder {

        private static final long serialVersionUID = 1L;

        EngineParser() {
            super(Feature.METHOD_INVOCATIONS, Feature.VARARGS);
        }

        @Override
        protected Parser createParser(String expression) {
            return new Parser(this, expression) {
                @Override
                protected AstDot createAstDot(AstNode base, String property, boolean lvalue) {
                    return new NamedDot(base, property, lvalue);
                }
            };
        }
    }

    private static final class NamedDot extends AstDot {

        NamedDot(AstNode base, String property, boolean lvalue) {
            super(base, property, lvalue);
        }

        String name() {
            return property;
        }
    }
}
