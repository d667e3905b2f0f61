package cn.jiandu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cmmn.deployer.CmmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;

/**
 * Jiandu's checks of the models of one deployment, run before anything of it goes live: BPMN that
 * parses, runs no code of its own (scripts, classes, expressions beyond ExpressionAllowlist, CMMN),
 * user tasks with an existing group and form, service tasks with an existing component,
 * history time to live everywhere, decision outputs the processes understand. Every problem is
 * collected, so that an administrator sees them all at once.
 */
final class ModelCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KnownToJiandu known;

    ModelCheck(KnownToJiandu known) {
        this.known = known;
    }

    /** The problems of the deployment's resources (name to content); empty when it may go live. */
    List<ModelProblem> check(Map<String, byte[]> resources) {
        List<ModelProblem> problems = new ArrayList<>();
        Set<String> formsHere = new HashSet<>();
        Set<String> decisionsHere = new HashSet<>();
        resources.forEach((name, content) -> {
            if (isCmmn(name)) {
                problems.add(new ModelProblem(name, null, "监督系统不使用 CMMN 案例模型，不能部署 CMMN 文件：其中的监听器和表达式"
                        + "不经本系统检查就会执行。流程请用 BPMN（.bpmn），决策请用 DMN（.dmn）。"));
            } else if (isForm(name)) {
                formId(name, content, problems).ifPresent(formsHere::add);
            } else if (isDmn(name)) {
                decisionsHere.addAll(new DmnCheck(name, problems).check(content));
            }
        });
        resources.forEach((name, content) -> {
            if (isBpmn(name)) {
                new BpmnCheck(known, name, formsHere, decisionsHere, problems).check(content);
            }
        });
        return problems;
    }

    /*
     * A resource is what the engine's deployers take it for, by the same suffixes: "evil.xbpmn" is
     * parsed as BPMN by the engine, so it must be checked as BPMN here.
     */

    static boolean isBpmn(String name) {
        return endsWithAny(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES);
    }

    static boolean isDmn(String name) {
        return endsWithAny(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES);
    }

    static boolean isCmmn(String name) {
        return endsWithAny(name, CmmnDeployer.CMMN_RESOURCE_SUFFIXES);
    }

    static boolean isForm(String name) {
        return endsWithAny(name, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES);
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        return Stream.of(suffixes).anyMatch(name::endsWith);
    }

    private static Optional<String> formId(String name, byte[] content, List<ModelProblem> problems) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (IOException unreadable) {
            problems.add(new ModelProblem(name, null, "不是有效的 Camunda 表单（JSON 无法解析）：" + unreadable.getMessage()));
            return Optional.empty();
        }
        String id = form == null ? "" : form.path("id").asText("");
        if (id.isBlank()) {
            problems.add(new ModelProblem(name, null, "表单没有 id：请在 Form Builder 中为表单填写 ID（流程用它引用表单）。"));
            return Optional.empty();
        }
        return Optional.of(id);
    }
}
