package cn.jiandu.admin;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** Puts Jiandu's model checks before the engine's deployers and the deployment record after them. */
@Component
class DeploymentChecksPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext components;
    private final DeploymentLog log;

    DeploymentChecksPlugin(ApplicationContext components, DeploymentLog log) {
        this.components = components;
        this.log = log;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new CheckModelsBeforeDeployment(components));
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(new RecordDeployment(log));
    }
}
