package cn.jiandu.admin;

import cn.jiandu.admin.DeploymentLog.Change;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;

/**
 * Records every new deployment after the engine's deployers accepted it, in the same transaction:
 * who, when, and for each model whether it is new, changed or the same as last deployed.
 */
class RecordDeployment implements Deployer {

    private final DeploymentLog log;

    RecordDeployment(DeploymentLog log) {
        this.log = log;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        List<DeploymentLog.Resource> resources = new ArrayList<>();
        Map<String, ResourceEntity> byName = new TreeMap<>(deployment.getResources());
        byName.forEach((name, resource) -> {
            String file = DeploymentLog.modelFile(name);
            String hash = sha256(resource.getBytes());
            var previous = log.latest(file);
            Change change = previous.isEmpty() ? Change.ADDED
                    : previous.get().sha256().equals(hash) ? Change.UNCHANGED : Change.CHANGED;
            resources.add(new DeploymentLog.Resource(name, file, hash, change,
                    previous.map(DeploymentLog.Latest::deploymentId).orElse(null)));
        });
        int changed = (int) resources.stream().filter(resource -> resource.change() != Change.UNCHANGED).count();
        log.insert(new DeploymentLog.Entry(deployment.getId(), deployment.getName(), deployment.getSource(),
                Context.getCommandContext().getAuthenticatedUserId(),
                OffsetDateTime.ofInstant(deployment.getDeploymentTime().toInstant(), ZoneOffset.UTC),
                definitions(deployment), changed, resources));
    }

    /** "supervisionCase v3, accountabilityMeasure v2, triageCaseForm v4": what went live. */
    private static String definitions(DeploymentEntity deployment) {
        String all = Stream.<List<? extends ResourceDefinition>>of(deployment.getDeployedProcessDefinitions(),
                        deployment.getDeployedDecisionDefinitions(),
                        deployment.getDeployedArtifacts(CamundaFormDefinitionEntity.class))
                .filter(list -> list != null)
                .flatMap(List::stream)
                .map(definition -> definition.getKey() + " v" + definition.getVersion())
                .collect(Collectors.joining(", "));
        return all.length() > 4000 ? all.substring(0, 3997) + "..." : all;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
