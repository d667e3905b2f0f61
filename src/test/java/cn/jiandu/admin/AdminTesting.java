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

    /**
     * Route version 2 with a new step: case-management's director reads every triage again (研判复核)
     * before the leaders approve the disposal.
     */
    static String withTriageReview() {
        return replace(original(),
                "<bpmn:incoming>flow_triageStage_approveDisposal</bpmn:incoming>",
                "<bpmn:incoming>flowReviewToApproval</bpmn:incoming>",
                "<bpmn:sequenceFlow id=\"flow_triageStage_approveDisposal\" sourceRef=\"triageStage\" targetRef=\"approveDisposal\"/>",
                """
                <bpmn:sequenceFlow id="flow_triageStage_approveDisposal" sourceRef="triageStage" targetRef="reviewTriage"/>
                    <bpmn:userTask id="reviewTriage" name="研判复核" camunda:formRef="triageCaseForm" camunda:formRefBinding="latest" camunda:candidateGroups="case-management">
                      <bpmn:incoming>flow_triageStage_approveDisposal</bpmn:incoming>
                      <bpmn:outgoing>flowReviewToApproval</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="flowReviewToApproval" sourceRef="reviewTriage" targetRef="approveDisposal"/>""");
    }

    /** Route version 2 with the triage step under a new id, so that running triages have no equal step. */
    static String withTriageRenamed() {
        return replace(original(), "\"triageCase\"", "\"triageProblem\"");
    }

    /**
     * Route version 2 as an administrator might get it wrong: a missing form, an unknown group, an
     * unknown delegate.
     */
    static String broken() {
        return replace(original(),
                "camunda:formRef=\"verifyCaseFormV2\"", "camunda:formRef=\"verifyCaseFormV3\"",
                "camunda:formRef=\"approveDisposalForm\" camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"leaders\"",
                "camunda:formRef=\"approveDisposalForm\" camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"party-committee\"",
                "${handOverDelegate}", "${handOverToProcuratorateDelegate}");
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
