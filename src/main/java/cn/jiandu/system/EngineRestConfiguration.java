package cn.jiandu.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST API with Jiandu's additions: clearer answers for rejected input and lost races. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    private final TaskService taskService;
    private final IdentityService identityService;

    EngineRestConfiguration(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    @Override
    protected void registerAdditionalResources() {
        new EngineRestErrors(taskService, identityService).mappers().forEach(this::register);
    }
}
