package cn.jiandu.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A group that is given a task of a case may also read that case's process instance, as long as the
 * case runs. Tasklist shows a task card with the case number, title and unit (the filters' variables);
 * it reads them as process-instance variables, which the engine shows only to who may read the
 * instance. Without this the cards were blank. Reading all instances of the definition instead would
 * show the north team every south case; this grant is per case and only for groups that work on it.
 * The engine removes the grant with the instance when the case ends (ExecutionManager.deleteExecution).
 * Only groups get it, not each assignee: an assignee works in the group that holds the task, and one
 * grant per group and case keeps the authorization table small (bench/README.md).
 */
@Component
class CaseReadingAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            AuthorizationEntity[] onTheTask = super.newTaskGroupIdentityLink(task, groupId, type);
            String processInstanceId = task.getProcessInstanceId();
            if (processInstanceId == null) {
                return onTheTask;
            }
            AuthorizationEntity onTheCase =
                    getGrantAuthorizationByGroupId(groupId, Resources.PROCESS_INSTANCE, processInstanceId);
            if (onTheCase != null && onTheCase.isPermissionGranted(Permissions.READ)) {
                return onTheTask;
            }
            if (onTheCase == null) {
                // also finds a grant made earlier in this transaction (two tasks of the case for one group)
                onTheCase = createAuthorization(null, groupId, Resources.PROCESS_INSTANCE, processInstanceId);
            }
            addPermissions(onTheCase, Permissions.READ);
            AuthorizationEntity[] both = Arrays.copyOf(onTheTask, onTheTask.length + 1);
            both[onTheTask.length] = onTheCase;
            return both;
        }
    }
}
