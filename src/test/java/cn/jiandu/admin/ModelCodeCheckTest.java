package cn.jiandu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.admin.ExpressionCheck.Position;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A deployed model runs no code Jiandu did not write: the expression allowlist, scripts, classes, DMN languages. */
class ModelCodeCheckTest {

    /** The expression the security review found deployable: it runs a shell command when an instance starts. */
    static final String RUNTIME_EXEC = "${''.getClass().forName('java.lang.Runtime').getMethod('exec', ''.getClass())"
            + ".invoke(''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null), 'touch /tmp/pwned')}";
    static final String ALLOWED = "模型中的表达式只能读取流程变量";

    final ModelCheckTest.Stub jiandu = new ModelCheckTest.Stub();
    final ExpressionCheck expressions = new ExpressionCheck(jiandu);

    @Test
    void everyExpressionOfTheModelsAndTheElementTemplatesPasses() {
        Pattern expression = Pattern.compile("[$#]\\{[^}]*}");
        List<String> files = List.of("processes/supervision-case.bpmn", "processes/supervision-inspection.bpmn",
                "processes/mail-delivery.bpmn", "processes/daily-supervision-report.bpmn",
                "processes/weekly-supervision-bulletin.bpmn", "processes/.camunda/element-templates/jiandu-service-tasks.json",
                "processes/.camunda/element-templates/jiandu-user-tasks.json");
        int found = 0;
        for (String file : files) {
            Matcher matcher = expression.matcher(new String(ModelCheckTest.read(file), StandardCharsets.UTF_8).replace("&gt;", ">"));
            while (matcher.find()) {
                String text = matcher.group();
                Position position = text.matches("\\$\\{\\w+(Delegate|Listener)}") ? Position.DELEGATE : Position.VALUE;
                assertThat(expressions.refusal(text, position)).as(file + ": " + text).isEmpty();
                found++;
            }
        }
        assertThat(found).isGreaterThan(80);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${caseStages.enter(execution, 'TRIAGE')}", "${caseDeadlines.startVerification(execution)}",
        "${reportReview.signedOff(task)}", "${reportSchedule.weeklyCron}", "${caseDeadlines.reminderAt(verifyDueDate)}",
        "${recommendation.leaderApprovalRequired}", "${recommendation['recommendedMeasure']}", "${items[0]}",
        "${zone == 'SOUTH' ? 'team-south' : 'team-north'}", "${!(faultToleranceRequested || emergencyAction)}",
        "${problemCount > 0 and not empty title}", "${-count * 2 + 1 / 3 % 2}", "${now()}", "${dateTime()}",
        "${currentUser()}", "${currentUserGroups()}", "${authenticatedUserId}", "#{verifyDueDate}",
        "第 ${round} 轮：${zone}", "P10D", "R5/PT5M"})
    void valuesThatReadVariablesAndCallListedMethodsPass(String text) {
        assertThat(expressions.refusal(text, Position.VALUE)).isEmpty();
    }

    @Test
    void theRuntimeExecExpressionIsRefused() {
        assertThat(expressions.refusal(RUNTIME_EXEC, Position.VALUE)).hasValueSatisfying(reason ->
                assertThat(reason).contains("不能调用", "只能调用监督系统组件的指定方法"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "${''.getClass()}", "${''.getClass().forName('java.lang.Runtime')}", "#{''.getClass()}", "${x.getClass()}",
        "${x.class}", "${x.class.classLoader}", "${x['class']}", "${''['class']}", "${x.classLoader}",
        "${execution.processEngineServices.runtimeService}", "${execution.processEngineServices}",
        "${execution.getProcessEngineServices()}", "${task.execution}", "${execution}", "${execution['processEngine']}",
        "${caseStages.otherMethod()}", "${someBean.otherMethod()}", "${caseStages['other'](execution)}",
        "${caseStages[name](execution)}", "${x[y]}", "${x[''.concat('class')]}", "${recommendation.a.b}",
        "${caseStages}", "${registerCaseDelegate}", "${reportSchedule.zone}", "${caseDeadlines.holdDuration.bytes}",
        "${(caseStages).enter(execution, 'X')}", "${caseStages.enter(execution.processEngineServices, 'X')}",
        "${caseStages.enter(''.getClass(), 'X')}", "${caseDeadlines.reminderAt(caseDeadlines.reminderAt(x).class)}",
        "${exec('touch /tmp/x')}", "${fn:now()}", "${S('{}')}", "${JSON('{}').prop('x')}",
        "${''.getClass(}", "${a} #{b}", "ok ${x.getClass()} ok"})
    void everythingElseIsRefused(String text) {
        assertThat(expressions.refusal(text, Position.VALUE)).as(text).isPresent();
    }

    @Test
    void aRefusalSaysWhatIsWrong() {
        assertThat(refusal("${x.class}")).contains("不能读取属性 x.class");
        assertThat(refusal("${execution.processEngineServices}")).contains("引擎对象的属性不可读取");
        assertThat(refusal("${execution}")).contains("execution 只能作为组件方法的参数");
        assertThat(refusal("${caseStages.otherMethod()}")).contains("caseStages.otherMethod()");
        assertThat(refusal("${caseStages}")).contains("组件 caseStages 不能作为值使用");
        assertThat(refusal("${x[y]}")).contains("方括号中只能是字符串或数字常量");
        assertThat(refusal("${exec()}")).contains("不能调用函数 exec()");
        assertThat(refusal("${recommendation.a.b}")).contains("只能读取流程变量的一层属性");
        assertThat(refusal("${''.getClass(}")).startsWith("无法解析");
    }

    @Test
    void aDelegateIsAComponentNameAndNothingElse() {
        assertThat(expressions.refusal("${registerCaseDelegate}", Position.DELEGATE)).isEmpty();
        assertThat(expressions.refusal(" #{recordDecisionListener} ", Position.DELEGATE)).isPresent();
        assertThat(expressions.refusal("${caseStages.enter(execution, 'X')}", Position.DELEGATE)).isPresent();
        assertThat(expressions.refusal("${x.delegate}", Position.DELEGATE)).isPresent();
        assertThat(expressions.refusal("registerCaseDelegate", Position.DELEGATE)).isPresent();
    }

    @Test
    void theAllowlistIsTold() {
        assertThat(ExpressionAllowlist.summary()).contains("caseStages.enter(…)", "reportReview.signedOff(…)",
                "reportSchedule.weeklyCron", "now()", "${registerCaseDelegate}");
    }

    // --- BPMN: wherever code stands, the deployment is refused with one problem that says so

    @Test
    void anExpressionOfAServiceTaskIsRefusedWithWhatIsAllowed() {
        List<ModelProblem> problems = check(process("<serviceTask id=\"run\" name=\"执行\" camunda:expression=\""
                + RUNTIME_EXEC.replace("'", "&apos;") + "\"/>"));
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("run");
            assertThat(problem.message()).startsWith("服务任务「执行」（run）的 camunda:expression ${''.getClass()")
                    .contains("不能部署", ALLOWED, "caseStages.enter(…)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"juel", "groovy", "javascript", "python"})
    void aScriptTaskIsRefusedInAnyLanguage(String language) {
        String script = language.equals("juel") ? RUNTIME_EXEC : "new File('/tmp/pwned').createNewFile()";
        List<ModelProblem> problems = check(process("<scriptTask id=\"script\" name=\"脚本\" scriptFormat=\"" + language
                + "\"><script><![CDATA[" + script + "]]></script></scriptTask>"));
        assertThat(problems).singleElement().extracting(ModelProblem::message).asString()
                .startsWith("脚本任务「脚本」（script）是脚本任务").contains("不运行脚本");
    }

    @Test
    void anExternalScriptIsRefused() {
        assertThat(messages(process("<scriptTask id=\"script\" scriptFormat=\"groovy\" camunda:resource=\"deployment://pwn.groovy\"/>")))
                .singleElement().asString().contains("脚本任务（script）是脚本任务");
        assertThat(messages(process("""
                <exclusiveGateway id="choose"/>
                <sequenceFlow id="flow" sourceRef="choose" targetRef="start">
                  <conditionExpression xsi:type="tFormalExpression" language="groovy" camunda:resource="pwn.groovy"/>
                </sequenceFlow>""")))
                .anySatisfy(message -> assertThat(message).contains("顺序流（flow）", "外部脚本文件"))
                .anySatisfy(message -> assertThat(message).contains("脚本语言「groovy」"));
    }

    @Test
    void aScriptInAListenerOrAParameterIsRefused() {
        assertThat(messages(process("""
                <serviceTask id="work" name="办理" camunda:delegateExpression="${registerCaseDelegate}">
                  <extensionElements>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="javascript">java.lang.Runtime.getRuntime().exec('id')</camunda:script>
                    </camunda:executionListener>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="found">
                        <camunda:script scriptFormat="groovy">'id'.execute().text</camunda:script>
                      </camunda:inputParameter>
                    </camunda:inputOutput>
                  </extensionElements>
                </serviceTask>""")))
                .hasSize(2)
                .allSatisfy(message -> assertThat(message).startsWith("服务任务「办理」（work）的 camunda:script").contains("不运行脚本"));
    }

    @Test
    void aJavaClassIsRefusedWherever() {
        jiandu.deployedForms.add("triageCaseForm");
        List<String> messages = messages(process("""
                <serviceTask id="work" name="办理" camunda:class="java.lang.Runtime"/>
                <sendTask id="send" name="发送" camunda:class="org.example.Send"/>
                <userTask id="look" name="查看" camunda:candidateGroups="case-management" camunda:formRef="triageCaseForm"
                    camunda:formHandlerClass="org.example.Form">
                  <extensionElements>
                    <camunda:executionListener class="org.example.OnStart" event="start"/>
                    <camunda:taskListener class="org.example.OnCreate" event="create"/>
                  </extensionElements>
                </userTask>
                <endEvent id="end"><messageEventDefinition id="message" camunda:class="org.example.Message"/></endEvent>
                <callActivity id="call" calledElement="other" camunda:variableMappingClass="org.example.Mapping"/>"""));
        assertThat(messages).hasSize(7).allSatisfy(message -> assertThat(message).contains("使用 Java 类", "${registerCaseDelegate}"));
        assertThat(messages).anySatisfy(message -> assertThat(message).startsWith("服务任务「办理」（work）使用 Java 类（camunda:class=\"java.lang.Runtime\"）"))
                .anySatisfy(message -> assertThat(message).startsWith("用户任务「查看」（look）使用 Java 类（class=\"org.example.OnCreate\"）"))
                .anySatisfy(message -> assertThat(message).startsWith("结束事件（end）使用 Java 类（camunda:class=\"org.example.Message\"）"));
    }

    @Test
    void shellMailAndConnectorTasksAreRefused() {
        assertThat(messages(process("""
                <serviceTask id="shell" camunda:type="shell">
                  <extensionElements>
                    <camunda:field name="command"><camunda:string>touch</camunda:string></camunda:field>
                    <camunda:field name="arg1"><camunda:string>/tmp/pwned</camunda:string></camunda:field>
                  </extensionElements>
                </serviceTask>
                <serviceTask id="mail" camunda:type="MAIL"/>
                <serviceTask id="http">
                  <extensionElements>
                    <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                  </extensionElements>
                </serviceTask>""")))
                .hasSize(3)
                .anySatisfy(message -> assertThat(message).contains("服务任务（shell）的 camunda:type=\"shell\" 不能部署"))
                .anySatisfy(message -> assertThat(message).contains("服务任务（mail）的 camunda:type=\"MAIL\""))
                .anySatisfy(message -> assertThat(message).contains("服务任务（http）使用连接器"));
        assertThat(messages(process("<serviceTask id=\"worker\" camunda:type=\"external\" camunda:topic=\"x\"/>"))).isEmpty();
    }

    @Test
    void aCustomFormValidatorIsRefusedAndFormFieldsAreChecked() {
        assertThat(messages(process("""
                <startEvent id="apply" name="申请">
                  <extensionElements>
                    <camunda:formData>
                      <camunda:formField id="reason" type="string" defaultValue="${x.getClass()}">
                        <camunda:validation>
                          <camunda:constraint name="validator" config="org.example.Validator"/>
                          <camunda:constraint name="maxlength" config="10"/>
                        </camunda:validation>
                      </camunda:formField>
                    </camunda:formData>
                  </extensionElements>
                </startEvent>""")))
                .hasSize(2)
                .anySatisfy(message -> assertThat(message).startsWith("开始事件「申请」（apply）的表单字段使用自定义校验器"))
                .anySatisfy(message -> assertThat(message).startsWith("开始事件「申请」（apply）的 defaultValue ${x.getClass()} 不能部署"));
    }

    @Test
    void everyAttributeAndTextIsChecked() {
        jiandu.deployedForms.add("triageCaseForm");
        List<String> messages = messages(process("""
                <userTask id="look" name="${x.getClass()}" camunda:candidateGroups="case-management"
                    camunda:formRef="triageCaseForm" camunda:dueDate="${execution.processEngineServices}"
                    camunda:priority="#{''.getClass()}">
                  <extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="engine">${execution}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </extensionElements>
                  <multiInstanceLoopCharacteristics camunda:collection="${caseStages.otherMethod()}">
                    <completionCondition>${x.class}</completionCondition>
                  </multiInstanceLoopCharacteristics>
                </userTask>
                <intermediateCatchEvent id="wait">
                  <timerEventDefinition><timeDate>&#36;{reportSchedule.zone}</timeDate></timerEventDefinition>
                </intermediateCatchEvent>
                <callActivity id="call" calledElement="${caseStages}"/>
                <exclusiveGateway id="choose"/>
                <sequenceFlow id="flow" sourceRef="choose" targetRef="start">
                  <conditionExpression xsi:type="tFormalExpression"><![CDATA[${x['class'] != null}]]></conditionExpression>
                </sequenceFlow>"""));
        assertThat(messages).hasSize(9).allSatisfy(message -> assertThat(message).contains("不能部署", ALLOWED));
        assertThat(messages).anySatisfy(message -> assertThat(message).contains("中间事件（wait）的 timeDate ${reportSchedule.zone}"))
                .anySatisfy(message -> assertThat(message).contains("camunda:inputParameter「engine」 ${execution}"))
                .anySatisfy(message -> assertThat(message).contains("顺序流（flow）的 conditionExpression ${x['class'] != null}"));
    }

    @Test
    void aCandidateListIsCheckedAsTheEngineCutsIt() {
        // As one text this is a harmless string; the engine cuts it at the comma and runs ${x.getClass()}.
        String hidden = "${'}, ${x.getClass()}'}";
        assertThat(expressions.refusal(hidden, Position.VALUE)).isEmpty();
        assertThat(BpmnCodeCheck.partsTheEngineParses(hidden)).contains("${x.getClass()}'}");
        jiandu.deployedForms.add("triageCaseForm");
        assertThat(messages(process("<userTask id=\"look\" camunda:candidateGroups=\"" + hidden.replace("'", "&apos;")
                + "\" camunda:formRef=\"triageCaseForm\"/>"))).anySatisfy(message -> assertThat(message).contains("不能部署"));
        assertThat(BpmnCodeCheck.partsTheEngineParses("user(${x.getClass()})")).contains("${x.getClass()}");
    }

    @Test
    void theOldActivitiNamespaceIsRefused() {
        String model = process("<serviceTask id=\"work\" activiti:class=\"java.lang.Runtime\"/>")
                .replace("xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:camunda=");
        assertThat(messages(model)).anySatisfy(message -> assertThat(message).contains("activiti"))
                .anySatisfy(message -> assertThat(message).contains("activiti:class"));
    }

    @Test
    void resourcesAreCheckedAsTheEngineReadsThemAndCmmnIsRefused() {
        String attack = process("<serviceTask id=\"run\" camunda:expression=\"${x.getClass()}\"/>");
        assertThat(new ModelCheck(jiandu).check(Map.of("attack.xbpmn", attack.getBytes(StandardCharsets.UTF_8))))
                .singleElement().extracting(ModelProblem::message).asString().contains("不能部署");
        assertThat(new ModelCheck(jiandu).check(Map.of("case.cmmn", "<definitions/>".getBytes(StandardCharsets.UTF_8))))
                .singleElement().extracting(ModelProblem::message).asString().contains("不使用 CMMN");
    }

    @Test
    void aDoctypeIsRefused() {
        String model = process("<startEvent id=\"other\" name=\"&x;\"/>")
                .replace("<definitions", "<!DOCTYPE definitions [<!ENTITY x \"${x.getClass()}\">]>\n<definitions");
        assertThat(messages(model)).isNotEmpty();
    }

    // --- DMN: FEEL only, and FEEL that reaches into no Java object

    @ParameterizedTest
    @ValueSource(strings = {"inputExpression", "inputEntry", "outputEntry"})
    void aDecisionExpressionInAnotherLanguageIsRefused(String where) {
        String dmn = decision(where.equals("inputExpression") ? RUNTIME_EXEC : "severity",
                where.equals("inputEntry") ? "java.lang.Runtime.getRuntime().exec('id')" : "\"MINOR\"",
                where.equals("outputEntry") ? "'id'.execute().text" : "\"NONE\"")
                .replace("<" + where + " id=\"", "<" + where + " expressionLanguage=\""
                        + Map.of("inputExpression", "juel", "inputEntry", "javascript", "outputEntry", "groovy").get(where) + "\" id=\"");
        assertThat(dmnMessages(dmn)).singleElement().asString()
                .startsWith("决策「测试」（test）的").contains("使用表达式语言", "决策只能用 FEEL 书写");
    }

    @Test
    void aDecisionInJuelAsAWholeIsRefused() {
        String dmn = decision("severity", "\"MINOR\"", "\"NONE\"").replace("namespace=\"", "expressionLanguage=\"python\" namespace=\"");
        assertThat(dmnMessages(dmn)).singleElement().asString().startsWith("决策模型使用表达式语言「python」");
        assertThat(dmnMessages(decision("severity", "\"MINOR\"", "\"NONE\"")
                .replace("namespace=\"", "expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\" namespace=\""))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.getClass()", "x.class", "x.class.name", "(x).createNewFile", "get value(x, \"class\")",
        "get entries(x)", "function(a) a", "function(a) external {java:{class:\"java.lang.Runtime\", method signature:\"getRuntime()\"}}"})
    void feelThatReachesIntoJavaIsRefused(String feel) {
        assertThat(dmnMessages(decision(feel, "\"MINOR\"", "\"NONE\""))).singleElement().asString()
                .contains("决策「测试」（test）的输入表达式（inputExpression1）", "不能部署", "不能读取值的成员");
        assertThat(dmnMessages(decision("severity", "\"MINOR\"", feel))).singleElement().asString().contains("输出结果（outputEntry1）");
    }

    @Test
    void plainFeelPasses() {
        assertThat(dmnMessages(decision("if severity = \"GRAVE\" then count + 1 else count", "not(\"MINOR\", \"GRAVE\")",
                "upper case(\"none\")"))).isEmpty();
        assertThat(dmnMessages(decision("severity", "[1..10]", "date(\"2020-01-01\") + duration(\"P1D\")"))).isEmpty();
    }

    private String refusal(String text) {
        Optional<String> refusal = expressions.refusal(text, Position.VALUE);
        assertThat(refusal).as(text).isPresent();
        return refusal.get();
    }

    private List<ModelProblem> check(String bpmn) {
        return new ModelCheck(jiandu).check(Map.of("attack.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> messages(String bpmn) {
        return check(bpmn).stream().map(ModelProblem::message).toList();
    }

    private List<String> dmnMessages(String dmn) {
        return new ModelCheck(jiandu).check(Map.of("test.dmn", dmn.getBytes(StandardCharsets.UTF_8)))
                .stream().map(ModelProblem::message).toList();
    }

    /** An executable process with a start event and the given elements. */
    static String process(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    targetNamespace="http://jiandu.cn/test">
                  <process id="attack" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                %s
                  </process>
                </definitions>
                """.formatted(elements.indent(4));
    }

    /** A decision table with one input, one rule and one output, in FEEL unless the test says otherwise. */
    static String decision(String inputExpression, String inputEntry, String outputEntry) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="tests" name="测试" namespace="http://jiandu.cn/test">
                  <decision id="test" name="测试" camunda:historyTimeToLive="P1D">
                    <decisionTable id="table">
                      <input id="input1"><inputExpression id="inputExpression1" typeRef="string"><text>%s</text></inputExpression></input>
                      <output id="output1" name="measure" typeRef="string"/>
                      <rule id="rule1">
                        <inputEntry id="inputEntry1"><text>%s</text></inputEntry>
                        <outputEntry id="outputEntry1"><text>%s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(escape(inputExpression), escape(inputEntry), escape(outputEntry));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
