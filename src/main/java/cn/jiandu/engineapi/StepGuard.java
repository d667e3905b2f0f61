package cn.jiandu.engineapi;

import cn.jiandu.steps.StepInput;
import cn.jiandu.steps.StepInputCheck;
import cn.jiandu.steps.StepInputException;
import cn.jiandu.steps.StepInputs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Holds a task completion, a claim or a process start to what that step takes: the body is
 * checked against the step's declaration and replaced by only the fields the step takes.
 */
@Component
class StepGuard {

    private static final Set<String> BODY_KEYS = Set.of("variables", "withVariablesInReturn");

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final StepInputs inputs;
    private final ObjectMapper json;
    private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();

    StepGuard(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService, IdentityService identityService,
            StepInputs inputs, ObjectMapper json) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.inputs = inputs;
        this.json = json;
    }

    /** The body to pass on for completing the task; a task the caller cannot see is left to the engine. */
    byte[] workOnTask(String taskId, Caller caller, byte[] body) {
        Task task = task(taskId);
        if (task == null) {
            return body;
        }
        requireHolder(task, caller);
        ProcessDefinition definition = definition(task.getProcessDefinitionId());
        String processKey = definition == null ? null : definition.getKey();
        if (processKey != null && !inputs.isJianduProcess(processKey)) {
            return body;
        }
        StepInput step = processKey == null ? null
                : inputs.find(processKey, definition.getVersionTag(), task.getTaskDefinitionKey()).orElse(null);
        return checked(body, step, "任务“" + task.getName() + "”",
                shownNames -> asSystem(() -> runtimeService.getVariables(task.getExecutionId(), shownNames)));
    }

    /**
     * The task by its id, without the caller's authorizations (a primary-key read instead of a query
     * joined with every grant): whether the caller may work on it is {@link #requireHolder}'s question.
     * Null when there is no such task; the engine then answers as it does.
     */
    private Task task(String taskId) {
        return asSystem(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    }

    void claim(String taskId, Caller caller, byte[] body) {
        Task task = task(taskId);
        if (task != null) {
            requireHolder(task, caller);
        }
        JsonNode request = parse(body);
        JsonNode userId = request.path("userId");
        if (!userId.isTextual() || !userId.asText().equals(caller.id())) {
            throw new Refusal(403, "只能由本人认领任务（userId 须为 " + caller.id() + "）；改派由委领导在“逾期督办”环节决定。",
                    "userId");
        }
    }

    /**
     * Only who holds the task works on it: its assignee, or a member of a group (or a user) it is
     * offered to. An administrator's rights over every task are for operating the engine, not for
     * deciding cases.
     */
    private void requireHolder(Task task, Caller caller) {
        if (caller.id().equals(task.getAssignee())) {
            return;
        }
        boolean offered = asSystem(() -> taskService.getIdentityLinksForTask(task.getId())).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> caller.id().equals(link.getUserId()) || caller.groups().contains(link.getGroupId()));
        if (!offered) {
            throw new Refusal(403, "此任务由其所在组办理，您不是办理人，也不在该组，不能认领或办理。");
        }
    }

    /** Expressions in a filter's query run in the engine like a model's: only those Jiandu's filters use. */
    static final Set<String> FILTER_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}", "${now()}");

    void filter(byte[] body) {
        List<String> texts = new ArrayList<>();
        collectTexts(parse(body), texts);
        for (String text : texts) {
            Matcher expression = Pattern.compile("[$#]\\{[^}]*}?").matcher(text);
            while (expression.find()) {
                if (!FILTER_EXPRESSIONS.contains(expression.group())) {
                    throw new Refusal(400, "过滤器中的表达式“" + expression.group() + "”不被允许：只能使用 "
                            + String.join("、", FILTER_EXPRESSIONS) + "。");
                }
            }
        }
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.fieldNames().forEachRemaining(texts::add);
        node.elements().forEachRemaining(child -> collectTexts(child, texts));
    }

    byte[] start(String definitionId, String definitionKey, byte[] body) {
        ProcessDefinition definition = definitionKey != null ? latest(definitionKey) : definition(definitionId);
        String key = definition != null ? definition.getKey() : definitionKey;
        if (key == null || !inputs.isJianduProcess(key)) {
            return body;
        }
        String versionTag = definition == null ? null : definition.getVersionTag();
        StepInput step = inputs.find(key, versionTag, StepInput.START)
                .orElseThrow(() -> new Refusal(403, "流程“" + key + "”由系统按计划或在办理中发起，不能直接发起。"));
        return checked(body, step, "发起流程", shownNames -> Map.of());
    }

    /** @param shown the current values of the named shown fields, asked only when the body sends any */
    private byte[] checked(byte[] body, StepInput step, String what,
            Function<Set<String>, Map<String, Object>> shown) {
        JsonNode request = parse(body);
        for (Iterator<String> names = request.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!BODY_KEYS.contains(name)) {
                throw new Refusal(400, what + "不接受参数“" + name + "”：只能提交 variables（本环节的字段）。", name);
            }
        }
        JsonNode variables = request.get("variables");
        ObjectNode passed = request.deepCopy();
        if (step == null) {
            if (variables != null && variables.size() > 0) {
                throw new Refusal(400, what + "不接受任何字段。", variables.fieldNames().next());
            }
            return body;
        }
        try {
            Set<String> sentShown = new HashSet<>();
            if (variables != null) {
                variables.fieldNames().forEachRemaining(name -> {
                    if (step.shows().contains(name)) {
                        sentShown.add(name);
                    }
                });
            }
            passed.set("variables", StepInputCheck.clean(step, variables,
                    sentShown.isEmpty() ? Map.of() : shown.apply(sentShown)));
        } catch (StepInputException e) {
            throw new Refusal(400, e.getMessage(), e.field());
        }
        return passed.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Refusal(400, "请求体须为 JSON 对象。");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "请求体不是有效的 JSON：" + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new Refusal(400, "请求体无法读取。");
        }
    }

    /** A definition never changes once deployed, so it is cached by id; asked without the caller's authorizations. */
    private ProcessDefinition definition(String definitionId) {
        if (definitionId == null) {
            return null;
        }
        ProcessDefinition cached = definitions.get(definitionId);
        if (cached != null) {
            return cached;
        }
        ProcessDefinition definition = asSystem(() -> repositoryService.createProcessDefinitionQuery()
                .processDefinitionId(definitionId).singleResult());
        if (definition != null) {
            definitions.put(definitionId, definition);
        }
        return definition;
    }

    /** What a start by key starts: the latest version. */
    private ProcessDefinition latest(String key) {
        return asSystem(() -> repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().withoutTenantId().singleResult());
    }


    private <T> T asSystem(Supplier<T> query) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            restore(before);
        }
    }

    private void restore(Authentication before) {
        if (before == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(before);
        }
    }
}
