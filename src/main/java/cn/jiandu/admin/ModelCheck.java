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

/**
 * Jiandu's checks of the models of one deployment, run before anything of it goes live: BPMN that
 * parses, user tasks with an existing group and form, service tasks with an existing component,
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
            if (isForm(name)) {
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

    static boolean isBpmn(String name) {
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }

    static boolean isDmn(String name) {
        return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    }

    static boolean isForm(String name) {
        return name.endsWith(".form");
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
