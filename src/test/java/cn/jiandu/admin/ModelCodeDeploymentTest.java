package cn.jiandu.admin;

import static cn.jiandu.admin.AdminTesting.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The attack of the security review, over the real server: an administrator's account deploys a
 * model that would run a command (an expression, a script, a Java class, a shell task, a JUEL
 * decision). Each is refused with 400 before anything of it exists, and the command never runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:admin;DB_CLOSE_DELAY=-1"})
class ModelCodeDeploymentTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ApplicationContext context;
    Http http;
    /** The file the command would create. */
    final Path pwned = Path.of(System.getProperty("java.io.tmpdir"), "jiandu-pwned-" + UUID.randomUUID());

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expression", "groovy", "javascript", "class", "shell", "xbpmn", "decision"})
    void aModelThatWouldRunACommandIsRefusedAndTheCommandNeverRuns(String attack) {
        String file = switch (attack) {
            case "xbpmn" -> "attack.xbpmn"; // the engine parses any name ending in "bpmn"
            case "decision" -> "attack.dmn";
            default -> "attack.bpmn";
        };

        Answer refused = deploy(http, "admin", "attack-" + attack, Map.of(file, model(attack)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("type").asText()).isEqualTo("ParseException");
        assertThat(refused.json().path("message").asText()).contains("本次部署没有生效", file, expectedRefusal(attack));
        assertThat(repositoryService.createDeploymentQuery().deploymentName("attack-" + attack).count()).isZero();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("attack").count()).isZero();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("attack").count()).isZero();
        Answer started = attack.equals("decision")
                ? http.post("admin", "/engine-rest/decision-definition/key/attack/evaluate", Map.of("variables", Map.of()))
                : http.post("admin", "/engine-rest/process-definition/key/attack/start", Map.of());
        assertThat(started.status()).as(started.body()).isGreaterThanOrEqualTo(400);
        assertThat(pwned).doesNotExist();
    }

    @Test
    void theAllowlistNamesOnlyMethodsAndPropertiesJianduHas() {
        ExpressionAllowlist.METHODS.forEach((component, methods) -> {
            Class<?> type = AopUtils.getTargetClass(context.getBean(component));
            for (String method : methods) {
                assertThat(type.getMethods()).as(component + "." + method)
                        .anyMatch(candidate -> candidate.getName().equals(method) && isJiandus(candidate));
            }
        });
        ExpressionAllowlist.PROPERTIES.forEach((component, properties) -> {
            Class<?> type = AopUtils.getTargetClass(context.getBean(component));
            for (String property : properties) {
                var descriptor = BeanUtils.getPropertyDescriptor(type, property);
                assertThat(descriptor != null && descriptor.getReadMethod() != null).as(component + "." + property).isTrue();
            }
        });
    }

    private static boolean isJiandus(Method method) {
        return Modifier.isPublic(method.getModifiers()) && method.getDeclaringClass().getName().startsWith("cn.jiandu.");
    }

    private String model(String attack) {
        String command = "touch " + pwned;
        return switch (attack) {
            case "expression", "xbpmn" -> process("<serviceTask id=\"run\" name=\"执行\" camunda:expression=\"${''.getClass()"
                    + ".forName('java.lang.Runtime').getMethod('exec', ''.getClass()).invoke(''.getClass().forName('java.lang.Runtime')"
                    + ".getMethod('getRuntime').invoke(null), '" + command + "')}\"/>");
            case "groovy" -> process("<scriptTask id=\"run\" name=\"执行\" scriptFormat=\"groovy\"><script>new File('" + pwned
                    + "').createNewFile()</script></scriptTask>");
            case "javascript" -> process("<scriptTask id=\"run\" name=\"执行\" scriptFormat=\"javascript\"><script>"
                    + "java.nio.file.Files.createFile(java.nio.file.Paths.get('" + pwned + "'))</script></scriptTask>");
            case "class" -> process("<serviceTask id=\"run\" name=\"执行\" camunda:class=\"org.example.Pwn\"/>");
            case "shell" -> process("""
                    <serviceTask id="run" name="执行" camunda:type="shell">
                      <extensionElements>
                        <camunda:field name="command"><camunda:string>touch</camunda:string></camunda:field>
                        <camunda:field name="arg1"><camunda:string>%s</camunda:string></camunda:field>
                        <camunda:field name="wait"><camunda:string>true</camunda:string></camunda:field>
                      </extensionElements>
                    </serviceTask>""".formatted(pwned));
            case "decision" -> ModelCodeCheckTest.decision("severity", "\"MINOR\"", "\"NONE\"")
                    .replace("id=\"test\"", "id=\"attack\"")
                    .replace("<inputExpression id=\"inputExpression1\" typeRef=\"string\"><text>severity</text>",
                            "<inputExpression id=\"inputExpression1\" typeRef=\"string\" expressionLanguage=\"juel\"><text>"
                                    + "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('"
                                    + command + "')</text>");
            default -> throw new IllegalArgumentException(attack);
        };
    }

    private static String expectedRefusal(String attack) {
        return switch (attack) {
            case "expression", "xbpmn" -> "模型中的表达式只能读取流程变量";
            case "groovy", "javascript" -> "不运行脚本";
            case "class" -> "使用 Java 类（camunda:class=\"org.example.Pwn\"）";
            case "shell" -> "camunda:type=\"shell\" 不能部署";
            case "decision" -> "使用表达式语言「juel」";
            default -> throw new IllegalArgumentException(attack);
        };
    }

    /** A process with one step after the start, that would run as soon as an instance starts. */
    private static String process(String step) {
        return ModelCodeCheckTest.process(step + """

                <sequenceFlow id="flowStartToRun" sourceRef="start" targetRef="run"/>
                <endEvent id="end"/>
                <sequenceFlow id="flowRunToEnd" sourceRef="run" targetRef="end"/>""");
    }
}
