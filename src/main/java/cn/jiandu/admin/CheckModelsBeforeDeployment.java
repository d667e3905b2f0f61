package cn.jiandu.admin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Runs Jiandu's model checks inside the engine, before its own deployers, for every deployment
 * however it arrives (Modeler, REST, the startup deployer). A refusal throws, and the deployment's
 * transaction leaves nothing behind.
 */
class CheckModelsBeforeDeployment implements Deployer {

    private final ApplicationContext components;

    CheckModelsBeforeDeployment(ApplicationContext components) {
        this.components = components;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // an earlier deployment being put back into the cache: it was checked when it came
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
        List<ModelProblem> problems = new ModelCheck(new EngineKnowledge(Context.getCommandContext(), deployment.getTenantId()))
                .check(resources);
        if (!problems.isEmpty()) {
            throw new ModelsRejected(problems);
        }
    }

    /** Answers from the engine's own tables (deployers run without authorization checks) and the Spring context. */
    private final class EngineKnowledge implements KnownToJiandu {

        private final CommandContext commandContext;
        private final String tenantId;

        EngineKnowledge(CommandContext commandContext, String tenantId) {
            this.commandContext = commandContext;
            this.tenantId = tenantId;
        }

        @Override
        public boolean groupExists(String groupId) {
            return commandContext.getReadOnlyIdentityProvider().findGroupById(groupId) != null;
        }

        @Override
        public Collection<String> groupIds() {
            return commandContext.getReadOnlyIdentityProvider().createGroupQuery().orderByGroupId().asc().list().stream()
                    .map(Group::getId).toList();
        }

        @Override
        public boolean componentExists(String name) {
            return components.containsBean(name);
        }

        @Override
        public boolean componentFits(String name, Role role) {
            return switch (role) {
                case SERVICE_TASK -> fits(name, JavaDelegate.class, ActivityBehavior.class);
                case EXECUTION_LISTENER -> fits(name, ExecutionListener.class, JavaDelegate.class);
                case TASK_LISTENER -> fits(name, TaskListener.class);
            };
        }

        /** Of Jiandu's own code: a listener or delegate that a library puts in the context is not for models. */
        private boolean fits(String name, Class<?>... types) {
            Class<?> type = components.getType(name);
            return type != null && ClassUtils.getUserClass(type).getPackageName().startsWith("cn.jiandu.")
                    && Stream.of(types).anyMatch(kind -> components.isTypeMatch(name, kind));
        }

        @Override
        public Collection<String> delegateNames() {
            return Stream.of(components.getBeanNamesForType(JavaDelegate.class)).sorted().toList();
        }

        @Override
        public boolean formDeployed(String formId, Integer version) {
            var forms = commandContext.getCamundaFormDefinitionManager();
            return version == null
                    ? (tenantId == null ? forms.findLatestDefinitionByKey(formId) : forms.findLatestDefinitionByKeyAndTenantId(formId, tenantId)) != null
                    : forms.findDefinitionByKeyVersionAndTenantId(formId, version, tenantId) != null;
        }

        @Override
        public boolean decisionDeployed(String decisionKey) {
            var decisions = commandContext.getDecisionDefinitionManager();
            return (tenantId == null ? decisions.findLatestDecisionDefinitionByKey(decisionKey)
                    : decisions.findLatestDecisionDefinitionByKeyAndTenantId(decisionKey, tenantId)) != null;
        }
    }
}
