package cn.jiandu.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Authorization checks with the user's groups as they are. Before every check the engine reads the
 * groups that hold any authorization at all (SELECT DISTINCT GROUP_ID_ over every authorization, once
 * per command) only to leave out the user's groups that hold none, which changes no answer: a group
 * without authorizations matches nothing. Since every open task carries a grant for its candidate
 * group, that read grows with the open cases; at 60,000 it took 12 ms of every request
 * (bench/README.md). The commission's users are in one or two groups, so nothing is gained by it.
 */
@Component
@ConditionalOnProperty(name = "jiandu.tuning.enabled", havingValue = "true", matchIfMissing = true)
class AuthorizationCheckGroups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineManagers.replace(configuration, AuthorizationManager.class, GroupsAsGiven::new);
    }

    static final class GroupsAsGiven extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
        }
    }
}
