package cn.jiandu.admin;

import cn.jiandu.admin.KnownToJiandu.Role;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** The checks of one BPMN resource; problems go to the list it is given. */
final class BpmnCheck {

    private static final Pattern ROOT = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*$");
    /** The results of a conditional expression such as ${zone == 'SOUTH' ? 'team-south' : 'team-north'}. */
    private static final Pattern CHOSEN_LITERAL = Pattern.compile("[?:]\\s*'([^']*)'");

    private final KnownToJiandu known;
    private final String resource;
    private final Set<String> formsHere;
    private final Set<String> decisionsHere;
    private final List<ModelProblem> problems;

    BpmnCheck(KnownToJiandu known, String resource, Set<String> formsHere, Set<String> decisionsHere,
            List<ModelProblem> problems) {
        this.known = known;
        this.resource = resource;
        this.formsHere = formsHere;
        this.decisionsHere = decisionsHere;
        this.problems = problems;
    }

    void check(byte[] content) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException unreadable) {
            problem(null, "无法解析为 BPMN 2.0 模型（" + rootMessage(unreadable) + "）。请在 Camunda Modeler 中打开、修正后重新保存。");
            return;
        }
        new BpmnCodeCheck(new ExpressionCheck(known), resource, problems).check(content);
        model.getModelElementsByType(Process.class).forEach(this::checkProcess);
        model.getModelElementsByType(UserTask.class).forEach(this::checkUserTask);
        model.getModelElementsByType(StartEvent.class).forEach(start ->
                checkFormRef(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), start.getCamundaFormRefVersion()));
        model.getModelElementsByType(ServiceTask.class).forEach(task -> checkImplementation(task,
                task.getCamundaClass(), task.getCamundaDelegateExpression(), task.getCamundaExpression(), task.getCamundaType(), true));
        model.getModelElementsByType(SendTask.class).forEach(task -> checkImplementation(task,
                task.getCamundaClass(), task.getCamundaDelegateExpression(), task.getCamundaExpression(), task.getCamundaType(), true));
        model.getModelElementsByType(MessageEventDefinition.class).forEach(message -> checkImplementation(message,
                message.getCamundaClass(), message.getCamundaDelegateExpression(), message.getCamundaExpression(), message.getCamundaType(), false));
        model.getModelElementsByType(BusinessRuleTask.class).forEach(this::checkBusinessRule);
        model.getModelElementsByType(CamundaExecutionListener.class).forEach(listener -> checkListener(listener,
                listener.getCamundaClass(), listener.getCamundaDelegateExpression(), Role.EXECUTION_LISTENER));
        model.getModelElementsByType(CamundaTaskListener.class).forEach(listener -> checkListener(listener,
                listener.getCamundaClass(), listener.getCamundaDelegateExpression(), Role.TASK_LISTENER));
    }

    private void checkProcess(Process process) {
        if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
            problem(process, "流程" + describe(process) + "没有设置历史数据保留期限（historyTimeToLive）：在 Modeler 中选中流程，"
                    + "于 History cleanup 下填写 Time to live（监督系统的流程一律为 P3650D，即十年）。");
        }
    }

    private void checkUserTask(UserTask task) {
        String groups = task.getCamundaCandidateGroups();
        if (blank(groups)) {
            if (blank(task.getCamundaAssignee())) {
                problem(task, "用户任务" + describe(task) + "没有指定候选组（candidateGroups），任何人都不会在 Tasklist 中看到它。"
                        + "请用元素模板选择办理组。");
            }
        } else {
            for (String group : groupsNamedIn(groups)) {
                if (!known.groupExists(group)) {
                    problem(task, "用户任务" + describe(task) + "的候选组「" + group + "」不存在。现有的组："
                            + String.join("、", known.groupIds()) + "。新的组须先在 Camunda Admin 中创建。");
                }
            }
        }
        if (blank(task.getCamundaFormRef()) && blank(task.getCamundaFormKey())) {
            problem(task, "用户任务" + describe(task) + "没有表单（formRef），办理人将无法在 Tasklist 中填写。"
                    + "请用元素模板从 forms/ 的表单中选择一个。");
        }
        checkFormRef(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), task.getCamundaFormRefVersion());
    }

    private List<String> groupsNamedIn(String candidateGroups) {
        List<String> named = new ArrayList<>();
        for (String part : candidateGroups.split(",")) {
            String group = part.trim();
            if (isExpression(group)) {
                Matcher literal = CHOSEN_LITERAL.matcher(group);
                while (literal.find()) {
                    named.add(literal.group(1));
                }
            } else if (!group.isEmpty()) {
                named.add(group);
            }
        }
        return named;
    }

    private void checkFormRef(BaseElement element, String formRef, String binding, String version) {
        if (blank(formRef) || isExpression(formRef)) {
            return;
        }
        String kind = element instanceof StartEvent ? "开始事件" : "用户任务";
        if ("deployment".equals(binding)) {
            if (!formsHere.contains(formRef)) {
                problem(element, kind + describe(element) + "的表单「" + formRef + "」按 deployment 绑定，但本次部署中没有这个表单。"
                        + "请把表单与流程一同部署，或把绑定改为 latest。");
            }
            return;
        }
        Integer pinned = "version".equals(binding) && version != null && version.matches("\\d+") ? Integer.valueOf(version) : null;
        if (!formsHere.contains(formRef) && !known.formDeployed(formRef, pinned)) {
            problem(element, kind + describe(element) + "引用的表单「" + formRef + "」" + (pinned == null ? "" : "第 " + pinned + " 版")
                    + "不存在：它既未部署，也不在本次部署中。请先部署 forms/ 中的该表单，或与流程一同部署。");
        }
    }

    private void checkBusinessRule(BusinessRuleTask task) {
        String decision = task.getCamundaDecisionRef();
        if (blank(decision)) {
            checkImplementation(task, task.getCamundaClass(), task.getCamundaDelegateExpression(),
                    task.getCamundaExpression(), task.getCamundaType(), true);
        } else if (!isExpression(decision) && !decisionsHere.contains(decision) && !known.decisionDeployed(decision)) {
            problem(task, "业务规则任务" + describe(task) + "引用的决策「" + decision + "」不存在：它既未部署，也不在本次部署中。");
        }
    }

    private void checkImplementation(BaseElement element, String className, String delegateExpression,
            String expression, String type, boolean required) {
        String kind = element instanceof MessageEventDefinition ? "消息事件" + describe(owner(element)) : "服务任务" + describe(element);
        String what = kind + "的实现";
        // A class, an expression, a type or a connector: BpmnCodeCheck refuses or checks them.
        if (!blank(delegateExpression) && blank(className)) {
            checkDelegate(element, what, delegateExpression, Role.SERVICE_TASK);
        } else if (required && blank(className) && blank(expression) && blank(type) && !hasConnector(element)) {
            problem(element, kind + "没有指定实现。请用元素模板选择监督系统的一项服务（例如「登记问题线索」）。");
        }
    }

    /** A listener with a class or an expression is BpmnCodeCheck's; one with a component must name one that fits. */
    private void checkListener(ModelElementInstance listener, String className, String delegateExpression, Role role) {
        String what = describe(owner(listener)) + "的" + role.label;
        if (blank(className) && !blank(delegateExpression)) {
            checkDelegate(listener, what, delegateExpression, role);
        }
    }

    private void checkDelegate(ModelElementInstance element, String what, String delegateExpression, Role role) {
        Matcher bean = ROOT.matcher(delegateExpression);
        if (!bean.matches()) {
            return;
        }
        String name = bean.group(1);
        if (!known.componentExists(name)) {
            String suggestion = role == Role.SERVICE_TASK ? "可用的服务：" + String.join("、", known.delegateNames()) + "。" : "";
            problem(element, what + " " + delegateExpression + " 所指的组件「" + name + "」在监督系统中不存在。" + suggestion);
        } else if (!known.componentFits(name, role)) {
            problem(element, what + " " + delegateExpression + " 所指的组件「" + name + "」存在，但不能用作" + role.label + "。");
        }
    }

    private static boolean hasConnector(BaseElement element) {
        ExtensionElements extensions = element.getExtensionElements();
        return extensions != null && extensions.getElements().stream()
                .anyMatch(extension -> "connector".equals(extension.getElementType().getTypeName()));
    }

    /** The flow element (or process) that a listener or event definition belongs to. */
    private static ModelElementInstance owner(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && (parent instanceof ExtensionElements || !(parent instanceof BaseElement))) {
            parent = parent.getParentElement();
        }
        return parent == null ? element : parent;
    }

    private static String describe(ModelElementInstance element) {
        String id = element instanceof BaseElement base ? base.getId() : null;
        String name = element instanceof FlowElement flow ? flow.getName()
                : element instanceof Process process ? process.getName() : null;
        if (blank(name)) {
            return id == null ? "" : "（" + id + "）";
        }
        return "「" + name.strip() + "」" + (id == null ? "" : "（" + id + "）");
    }

    private void problem(ModelElementInstance element, String message) {
        ModelElementInstance owner = element instanceof FlowElement || element instanceof Process ? element
                : element == null ? null : owner(element);
        String id = owner instanceof BaseElement base ? base.getId() : null;
        problems.add(new ModelProblem(resource, id, message));
    }

    private static boolean isExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String rootMessage(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? thrown.getMessage() : cause.getMessage();
    }
}
