package cn.jiandu.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of processes/ and forms/ under names that do not depend on how the
 * application was launched ("processes/supervision-case.bpmn" from the fat jar and from an
 * exploded classpath alike), so that a restart deploys only what changed.
 */
@Component
public class ModelDeployer {

    public static final String DEPLOYMENT_NAME = "jiandu";
    private static final String[] PATTERNS = {
        "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"};

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final RepositoryService repositoryService;

    ModelDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** After IdentitySetup (order 10): the deployment checks need the groups the models name to exist. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(15)
    public void deployModels() {
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("jiandu-application")
                .enableDuplicateFiltering(true);
        int count = 0;
        for (Resource resource : modelResources()) {
            String folder = resource.getFilename().endsWith(".form") ? "forms/" : "processes/";
            try (InputStream in = resource.getInputStream()) {
                deployment.addInputStream(folder + resource.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read model " + resource, e);
            }
            count++;
        }
        if (count > 0) {
            var deployed = deployment.deployWithResult();
            log.info("Deployed {} model resources ({} definitions new or changed)", count,
                    deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size());
        }
    }

    private List<Resource> modelResources() {
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        try {
            List<Resource> all = new ArrayList<>();
            for (String pattern : PATTERNS) {
                all.addAll(List.of(resolver.getResources(pattern)));
            }
            all.sort(Comparator.comparing(Resource::getFilename));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list models", e);
        }
    }
}
