package cn.jiandu.admin;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.Iterator;
import java.util.Optional;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;
import org.camunda.feel.syntaxtree.PathExpression;
import org.camunda.feel.syntaxtree.QualifiedFunctionInvocation;
import org.camunda.feel.syntaxtree.Ref;

/**
 * Decides whether a FEEL text of a decision may be evaluated. Camunda 7.24 builds its FEEL engine
 * (feel-scala) with external functions disabled, but feel-scala still reaches into any Java object
 * a variable holds: x.getClass() or x.createNewFile() calls the public method, x.class or
 * get value(x, "name") calls any method without parameters. So a decision may read its input
 * variables by name and compute with them, and never reach into a value.
 */
final class FeelCheck {

    /** Parses as the engine does: the same feel-scala version, external functions disabled. */
    private static final FeelEngineApi FEEL = FeelEngineBuilder.create().build();

    private FeelCheck() {
    }

    /** An input expression, an output entry or a literal expression. */
    static Optional<String> expression(String text) {
        return verdict(FEEL.parseExpression(text));
    }

    /** An input entry (a unary test such as "MINOR", not("A","B") or > 3). */
    static Optional<String> unaryTests(String text) {
        return verdict(FEEL.parseUnaryTests(text));
    }

    private static Optional<String> verdict(ParseResult parsed) {
        if (parsed.isFailure()) {
            return Optional.of("无法解析为 FEEL（" + parsed.failure().message() + "）");
        }
        return Optional.ofNullable(verdict(parsed.parsedExpression().expression()));
    }

    /** Walks the syntax tree (Scala case classes, lists and options are all products or iterables). */
    private static String verdict(Object node) {
        if (node instanceof FunctionDefinition || node instanceof JavaFunctionInvocation) {
            return "不能定义函数或调用 Java 方法";
        }
        if (node instanceof QualifiedFunctionInvocation call) {
            return "不能调用值的方法 " + call.function() + "()";
        }
        if (node instanceof PathExpression path) {
            return "不能读取成员 ." + path.key() + "：决策只能按名称读取输入变量";
        }
        if (node instanceof Ref ref && ref.names().size() > 1) {
            return "不能读取成员 " + ref.names().mkString(".") + "：决策只能按名称读取输入变量";
        }
        if (node instanceof FunctionInvocation call && readsMembers(call.function())) {
            return "不能用 " + call.function() + "() 读取值的成员";
        }
        if (node instanceof Product product) {
            for (int i = 0; i < product.productArity(); i++) {
                String refusal = verdict(product.productElement(i));
                if (refusal != null) {
                    return refusal;
                }
            }
        } else if (node instanceof Iterable<?> items) {
            for (Iterator<?> item = items.iterator(); item.hasNext();) {
                String refusal = verdict(item.next());
                if (refusal != null) {
                    return refusal;
                }
            }
        }
        return null;
    }

    /** The built-in functions that read a value's members by a computed name ("get value", "context put", ...). */
    private static boolean readsMembers(String function) {
        return function.startsWith("get ") || function.startsWith("context");
    }
}
