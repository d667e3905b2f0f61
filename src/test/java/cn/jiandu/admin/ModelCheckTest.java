package cn.jiandu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.identity.Groups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Jiandu's model checks on their own, without an engine: what passes and how each problem is told. */
class ModelCheckTest {

    /** Jiandu as the startup deployer meets it: its groups, its components, nothing deployed yet. */
    static final class Stub implements KnownToJiandu {

        private static final Pattern COMPONENT = Pattern.compile("@Component\\(\"(\\w+)\"\\)");

        final Set<String> groups = new TreeSet<>(Groups.NAMES.keySet());
        final Set<String> delegates = new TreeSet<>();
        final Set<String> others = new TreeSet<>();
        final Set<String> deployedForms = new HashSet<>();

        /** The named components of src/main/java, as the Spring context would hold them. */
        Stub() {
            try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
                sources.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    String source = new String(read(file.toString()), StandardCharsets.UTF_8);
                    Matcher named = COMPONENT.matcher(source);
                    if (named.find()) {
                        (source.contains("implements JavaDelegate") ? delegates : others).add(named.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(delegates).contains("registerCaseDelegate");
            assertThat(others).contains("recordDecisionListener", "caseStages");
        }

        @Override
        public boolean groupExists(String groupId) {
            return groups.contains(groupId);
        }

        @Override
        public Collection<String> groupIds() {
            return groups;
        }

        @Override
        public boolean componentExists(String name) {
            return delegates.contains(name) || others.contains(name);
        }

        @Override
        public boolean componentFits(String name, Role role) {
            return switch (role) {
                case SERVICE_TASK -> delegates.contains(name);
                case TASK_LISTENER -> name.endsWith("Listener");
                default -> true;
            };
        }

        @Override
        public Collection<String> delegateNames() {
            return delegates;
        }

        @Override
        public boolean formDeployed(String formId, Integer version) {
            return deployedForms.contains(formId);
        }

        @Override
        public boolean decisionDeployed(String decisionKey) {
            return false;
        }
    }

    final Stub jiandu = new Stub();

    static final String LEGACY_ROUTE = "src/test/resources/legacy/supervision-case-1.0.bpmn";

    @Test
    void theModelsOfTheRepositoryPass() {
        assertThat(new ModelCheck(jiandu).check(repositoryModels())).isEmpty();
    }

    @Test
    void aProcessAloneMayReferToFormsAlreadyDeployed() {
        jiandu.deployedForms.addAll(formIds());
        Map<String, byte[]> processOnly = Map.of("supervision-case.bpmn", read("processes/supervision-case.bpmn"));
        jiandu.deployedForms.remove("verifyCaseFormV2");

        List<ModelProblem> problems = new ModelCheck(jiandu).check(processOnly);

        // The DMN was not deployed either: the business rule task says so too.
        assertThat(problems).extracting(ModelProblem::elementId).containsExactly("verifyCase", "recommendAccountability");
        assertThat(problems.get(0).message()).contains("「初步核实」（verifyCase）", "verifyCaseFormV2", "既未部署，也不在本次部署中");
    }

    /**
     * About the check, not the route: the legacy version 1 of the route (kept for its running cases) has
     * a step for each kind of mistake, a group and a notice delegate version 2 no longer names.
     */
    @Test
    void everyProblemOfABrokenModelIsListed() {
        String broken = read(LEGACY_ROUTE, "camunda:historyTimeToLive=\"P3650D\"", "",
                "camunda:formRef=\"triageCaseForm\"", "camunda:formRef=\"triageForm2\"",
                "camunda:candidateGroups=\"publicity\"", "camunda:candidateGroups=\"press-office\"",
                "${zone == 'SOUTH' ? 'team-south' : 'team-north'}\" camunda:dueDate=\"${verifyDueDate}\"",
                "${zone == 'SOUTH' ? 'team-south' : 'team-west'}\" camunda:dueDate=\"${verifyDueDate}\"",
                "${publishNoticeDelegate}", "${publishWeiboDelegate}",
                "${caseStages.putOnHold(execution)}", "${caseStage.putOnHold(execution)}",
                "camunda:taskListener delegateExpression=\"${recordDecisionListener}\" event=\"complete\" />\n"
                        + "      </bpmn:extensionElements>\n      <bpmn:incoming>flowDraftToApprove",
                "camunda:taskListener delegateExpression=\"${closeCaseDelegate}\" event=\"complete\" />\n"
                        + "      </bpmn:extensionElements>\n      <bpmn:incoming>flowDraftToApprove");
        Map<String, byte[]> resources = new LinkedHashMap<>(repositoryModels());
        resources.put("processes/supervision-case.bpmn", broken.getBytes(StandardCharsets.UTF_8));

        List<String> problems = new ModelCheck(jiandu).check(resources).stream().map(ModelProblem::toString).toList();

        assertThat(problems).hasSize(7);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("supervisionCase", "historyTimeToLive"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("「分类研判处置」（triageCase）", "triageForm2"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("draftNotice", "候选组「press-office」不存在"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("verifyCase", "候选组「team-west」不存在"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("publishNotice", "publishWeiboDelegate", "不存在",
                "registerCaseDelegate"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("caseOnHold", "caseStage"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("approveNotice", "closeCaseDelegate", "不能用作任务监听器"));
    }

    @Test
    void aModelThatDoesNotParseIsToldAsSuch() {
        List<ModelProblem> problems = new ModelCheck(jiandu).check(Map.of("broken.bpmn",
                "<definitions><process id=\"x\"".getBytes(StandardCharsets.UTF_8)));
        assertThat(problems).singleElement().extracting(ModelProblem::message).asString().startsWith("无法解析为 BPMN 2.0 模型");
    }

    @Test
    void aUserTaskNeedsAGroupAndAForm() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://jiandu.cn/test">
                  <process id="bare" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                    <userTask id="look" name="查看"/>
                    <serviceTask id="work" name="办理"/>
                  </process>
                </definitions>
                """;
        List<String> problems = new ModelCheck(jiandu).check(Map.of("bare.bpmn", model.getBytes(StandardCharsets.UTF_8)))
                .stream().map(ModelProblem::message).toList();
        assertThat(problems).containsExactly(
                "用户任务「查看」（look）没有指定候选组（candidateGroups），任何人都不会在 Tasklist 中看到它。请用元素模板选择办理组。",
                "用户任务「查看」（look）没有表单（formRef），办理人将无法在 Tasklist 中填写。请用元素模板从 forms/ 的表单中选择一个。",
                "服务任务「办理」（work）没有指定实现。请用元素模板选择监督系统的一项服务（例如「登记问题线索」）。");
    }

    @Test
    void aDecisionMayOnlyRecommendMeasuresTheProcessKnows() {
        String dmn = read("processes/accountability-measure.dmn", "<text>\"CIRCULATED_CRITICISM\"</text>",
                "<text>\"WARNING\"</text>", "name=\"问责方式建议\" camunda:historyTimeToLive=\"P3650D\"", "name=\"问责方式建议\"");
        Map<String, byte[]> resources = new LinkedHashMap<>(repositoryModels());
        resources.put("processes/accountability-measure.dmn", dmn.getBytes(StandardCharsets.UTF_8));

        List<String> problems = new ModelCheck(jiandu).check(resources).stream().map(ModelProblem::message).toList();

        assertThat(problems).hasSizeGreaterThan(1);
        assertThat(problems.get(0)).contains("historyTimeToLive");
        assertThat(problems.subList(1, problems.size())).allSatisfy(p -> assertThat(p)
                .contains("「建议问责方式」（recommendedMeasure）为 \"WARNING\"，流程不认识这个值", "ADMONISHMENT（诫勉）"));
    }

    static Map<String, byte[]> repositoryModels() {
        Map<String, byte[]> models = new LinkedHashMap<>();
        for (String folder : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(Files::isRegularFile).sorted()
                        .forEach(file -> models.put(folder + "/" + file.getFileName(), read(file.toString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return models;
    }

    static Set<String> formIds() {
        Set<String> ids = new HashSet<>();
        repositoryModels().forEach((name, content) -> {
            if (name.endsWith(".form")) {
                ids.add(new String(content, StandardCharsets.UTF_8).replaceAll("(?s)^\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
            }
        });
        return ids;
    }

    static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file with each pair of (text, replacement) applied; a text that is not there fails the test. */
    static String read(String file, String... replacements) {
        String content = new String(read(file), StandardCharsets.UTF_8);
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(content).as("model text to replace").contains(replacements[i]);
            content = content.replace(replacements[i], replacements[i + 1]);
        }
        return content;
    }
}
