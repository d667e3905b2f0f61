package cn.jiandu.common;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The camunda:versionTag of the model a running instance follows: an instance finishes on the
 * version it started on, so code that serves several versions asks which one it is serving.
 */
public final class ModelVersion {

    private ModelVersion() {
    }

    /** The version tag, or null for a model without one. */
    public static String of(VariableScope scope) {
        String definitionId;
        ProcessDefinition definition;
        if (scope instanceof DelegateExecution execution) {
            definitionId = execution.getProcessDefinitionId();
            definition = execution.getProcessEngineServices().getRepositoryService().getProcessDefinition(definitionId);
        } else if (scope instanceof DelegateTask task) {
            definitionId = task.getProcessDefinitionId();
            definition = task.getProcessEngineServices().getRepositoryService().getProcessDefinition(definitionId);
        } else {
            throw new IllegalStateException("no process definition to read the version of: " + scope);
        }
        return definition.getVersionTag();
    }

    public static boolean is(VariableScope scope, String versionTag) {
        return versionTag.equals(of(scope));
    }
}
