package cn.jiandu.admin;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything of Jiandu that an expression in a deployed model may reach. An expression is code
 * (the engine evaluates it with every Spring bean in reach), so a model may only read variables
 * and use what the models in processes/ and the element templates use. When a new model needs
 * another method or property of a component, add it here, and only here.
 */
final class ExpressionAllowlist {

    /** The methods models call on Jiandu's components, e.g. ${caseStages.enter(execution, 'TRIAGE')}. */
    static final Map<String, Set<String>> METHODS = new TreeMap<>(Map.of(
            "caseStages", Set.of("enter", "putOnHold"),
            "caseDeadlines", Set.of("start", "startVerification", "startDecision", "reminderAt"),
            "caseRoute", Set.of("faultToleranceReviewNeeded", "proposesFiling"),
            "personFacts", Set.of("positions", "problemType", "severity", "responsibility", "repeatOffence",
                    "faultTolerance", "recordRecommendation"),
            "accountabilityRules", Set.of("needsLeaderApproval"),
            "reportReview", Set.of("reviewed", "signedOff"),
            "rectificationDeadlines", Set.of("dueIn", "reminderAt")));

    /** The properties models read from Jiandu's components, e.g. ${reportSchedule.weeklyCron}. */
    static final Map<String, Set<String>> PROPERTIES = new TreeMap<>(Map.of(
            "caseDeadlines", Set.of("holdDuration"),
            "reportSchedule", Set.of("dailyCron", "weeklyCron"),
            "mailSettings", Set.of("retryCycle")));

    /** The engine's own functions that only read the clock and the current user. */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /**
     * What the engine resolves to its own objects. They are the keys to the whole engine
     * (execution.processEngineServices), so a model may only hand them to a listed method.
     */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution", "variableScope");

    /**
     * Properties of a variable that lead from data to the JVM or the engine. Reading a variable's
     * property is allowed one level deep only (${recommendation.leaderApprovalRequired}), so these
     * names are all that one level could abuse.
     */
    private static final Set<String> JAVA_INTERNALS = Set.of("class", "classLoader", "declaringClass", "module",
            "protectionDomain", "processEngine", "processEngineServices", "processEngineConfiguration",
            "applicationContext", "beanFactory");

    private ExpressionAllowlist() {
    }

    static boolean names(String component) {
        return METHODS.containsKey(component) || PROPERTIES.containsKey(component);
    }

    static boolean methodAllowed(String component, String method) {
        return METHODS.getOrDefault(component, Set.of()).contains(method);
    }

    static boolean propertyAllowed(String component, String property) {
        return PROPERTIES.getOrDefault(component, Set.of()).contains(property);
    }

    static boolean isJavaInternal(String property) {
        return JAVA_INTERNALS.contains(property);
    }

    /** What a model may contain, as the refusals tell it to an administrator. */
    static String summary() {
        return "模型中的表达式只能读取流程变量（至多一层属性，如 ${recommendation.leaderApprovalRequired}）、"
                + "使用常量和运算符（比较、与或非、算术、empty、条件 ? :）、调用 now()、dateTime()、currentUser()、currentUserGroups()，"
                + "以及监督系统组件的这些方法和属性：" + listed(METHODS, "(…)") + "、" + listed(PROPERTIES, "")
                + "；服务任务和监听器的实现只能是 ${组件名}（如 ${registerCaseDelegate}），请用元素模板选择。"
                + "脚本（任何语言）、Java 类（camunda:class）、连接器和其他表达式一律不能部署。";
    }

    private static String listed(Map<String, Set<String>> members, String suffix) {
        return members.entrySet().stream()
                .flatMap(component -> component.getValue().stream().sorted().map(member -> component.getKey() + "." + member + suffix))
                .collect(Collectors.joining("、"));
    }
}
