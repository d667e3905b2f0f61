package cn.jiandu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Models as an administrator changes them, and deployments as Camunda Modeler sends them. */
final class AdminTesting {

    static final String MODEL = "processes/supervision-case.bpmn";

    private AdminTesting() {
    }

    static String original() {
        try {
            return Files.readString(Path.of(MODEL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The route with a new step: leaders review every triage before it takes effect. */
    static String withTriageReview() {
        return replace(original(),
                "<bpmn:incoming>flowTriageToDisposal</bpmn:incoming>",
                "<bpmn:incoming>flowReviewToDisposal</bpmn:incoming>",
                "<bpmn:sequenceFlow id=\"flowTriageToDisposal\" sourceRef=\"triageCase\" targetRef=\"disposalGateway\" />",
                """
                <bpmn:sequenceFlow id="flowTriageToDisposal" sourceRef="triageCase" targetRef="reviewTriage" />
                    <bpmn:userTask id="reviewTriage" name="研判复核" camunda:formRef="triageCaseForm" camunda:formRefBinding="latest" camunda:candidateGroups="leaders">
                      <bpmn:incoming>flowTriageToDisposal</bpmn:incoming>
                      <bpmn:outgoing>flowReviewToDisposal</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="flowReviewToDisposal" sourceRef="reviewTriage" targetRef="disposalGateway" />""");
    }

    /** The route with the triage step under a new id, so that running triages have no equal step. */
    static String withTriageRenamed() {
        return replace(original(), "\"triageCase\"", "\"triageProblem\"");
    }

    /** A model as an administrator might get it wrong: a missing form, an unknown group, an unknown delegate. */
    static String broken() {
        return replace(original(),
                "camunda:formRef=\"verifyCaseForm\"", "camunda:formRef=\"verifyCaseFormV2\"",
                "camunda:candidateGroups=\"publicity\"", "camunda:candidateGroups=\"press-office\"",
                "${publishNoticeDelegate}", "${publishToWeiboDelegate}");
    }

    static String replace(String model, String... pairs) {
        String changed = model;
        for (int i = 0; i < pairs.length; i += 2) {
            assertThat(changed).as("model text to replace").contains(pairs[i]);
            changed = changed.replace(pairs[i], pairs[i + 1]);
        }
        return changed;
    }

    /** A problem as reported through the case API or the start form. */
    static VariableMap report(String title) {
        return Variables.createVariables()
                .putValue("title", title).putValue("description", "小区出入口无人值守，未测体温")
                .putValue("source", "PUBLIC_REPORT").putValue("unit", "北湖街道幸福社区")
                .putValue("personsInvolved", "社区主任李某").putValue("anonymous", true).putValue("zone", "NORTH");
    }

    /** POST /engine-rest/deployment/create as Camunda Modeler sends it: multipart, one part per file. */
    static Http.Answer deploy(Http http, String user, String name, Map<String, String> files) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", name);
        fields.put("deployment-source", "Camunda Modeler");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        files.forEach((file, content) -> parts.put(file, content.getBytes(StandardCharsets.UTF_8)));
        return http.postMultipart(user, "/engine-rest/deployment/create", fields, parts);
    }
}
