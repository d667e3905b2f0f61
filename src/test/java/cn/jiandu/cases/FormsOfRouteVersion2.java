package cn.jiandu.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The forms route version 2 names that forms/ does not hold yet (another change writes them): an
 * empty form under each missing id, deployed before Jiandu's models (whose check refuses a model
 * naming a form that does not exist). Once forms/ has a form, it is not stubbed, and formRefBinding
 * "latest" picks the real one in any case. The process tests complete tasks through the Java API, so
 * the forms' fields play no part in them.
 */
@TestConfiguration
class FormsOfRouteVersion2 {

    static final List<String> NAMED_BY_THE_MODEL = List.of("approveDisposalForm", "inquireCaseFormV2",
            "verifyCaseFormV2", "reviewFaultToleranceFormV2", "decideAccountabilityFormV2", "hearDefenceForm",
            "approveAccountabilityFormV2", "serveDecisionForm");

    private static final Pattern FORM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** Before ModelDeployer (order 15). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(14)
    public void deployMissingForms(ApplicationReadyEvent ready) {
        RepositoryService repository = ready.getApplicationContext().getBean(RepositoryService.class);
        Set<String> written = formIdsInFormsFolder();
        DeploymentBuilder deployment = repository.createDeployment().name("route-v2-forms-not-yet-written");
        int missing = 0;
        for (String id : NAMED_BY_THE_MODEL) {
            if (!written.contains(id)) {
                deployment.addString("test-forms/" + id + ".form", "{\"id\": \"" + id + "\", \"type\": \"default\", "
                        + "\"schemaVersion\": 16, \"components\": []}");
                missing++;
            }
        }
        if (missing > 0) {
            deployment.deploy();
        }
    }

    private static Set<String> formIdsInFormsFolder() {
        Set<String> ids = new HashSet<>();
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = form.getInputStream()) {
                    Matcher id = FORM_ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    if (id.find()) {
                        ids.add(id.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
