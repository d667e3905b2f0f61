package cn.jiandu.system;

import cn.jiandu.steps.StepInputs;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Runs the engine on {@link ConfidentialHistoryLevel}, keeping out the fields the steps declare confidential. */
@Component
class ConfidentialHistoryPlugin extends AbstractProcessEnginePlugin {

    private final StepInputs steps;

    ConfidentialHistoryPlugin(StepInputs steps) {
        this.steps = steps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ConfidentialHistoryLevel level = new ConfidentialHistoryLevel(steps.keptOutOfTheEngine());
        // initHistoryLevel picks the last level of the configured name ("full"): this one.
        configuration.setCustomHistoryLevels(List.of(level));
        configuration.setHistoryLevel(level);
    }
}
