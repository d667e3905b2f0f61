package cn.jiandu.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by Jiandu's checks. A ParseException, so that Camunda's REST API answers it
 * with 400 and lists every problem per resource under "details", as it does for a parse error.
 */
class ModelsRejected extends ParseException {

    private static final long serialVersionUID = 1L;

    private final transient List<ModelProblem> problems;

    ModelsRejected(List<ModelProblem> problems) {
        super(message(problems), problems.get(0).resource(), List.of(), List.of());
        this.problems = List.copyOf(problems);
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        for (ModelProblem problem : problems) {
            byResource.computeIfAbsent(problem.resource(), resource -> new ArrayList<>()).add(new Report(problem));
        }
        List<ResourceReport> reports = new ArrayList<>();
        byResource.forEach((resource, errors) -> reports.add(new Resource(resource, errors)));
        this.resorceReports = reports;
    }

    /** Every problem, in the words an administrator reads. */
    List<String> problems() {
        return problems.stream().map(ModelProblem::toString).toList();
    }

    private static String message(List<ModelProblem> problems) {
        StringBuilder message = new StringBuilder("模型未通过监督系统的检查，本次部署没有生效（共 ")
                .append(problems.size()).append(" 个问题）：");
        for (int i = 0; i < problems.size(); i++) {
            message.append('\n').append(i + 1).append(". ").append(problems.get(i));
        }
        return message.toString();
    }

    private record Report(ModelProblem problem) implements Problem {

        @Override
        public String getMessage() {
            return problem.message();
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return problem.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return problem.elementId() == null ? List.of() : List.of(problem.elementId());
        }
    }

    private record Resource(String resourceName, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
