package cn.jiandu.system;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist completes tasks through the webapps' own engine API (/camunda/api/engine), not /engine-rest.
 * There too a step Jiandu refuses answers 400 with its Chinese message, which Tasklist shows the officer,
 * and a lost race 409 (EngineRestErrors) — not a 500 wrapped in the engine's English ("Cannot submit task
 * form …: ENGINE-03051 …"). Registered before the webapp starter's servlet of the same name, which then
 * leaves this one in place (CamundaBpmWebappInitializer registers a servlet only under a free name).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebappEngineApi implements ServletContextInitializer {

    /** The name CamundaBpmWebappInitializer gives the webapps' engine API servlet. */
    static final String SERVLET = "Engine Api";

    private final TaskService taskService;
    private final IdentityService identityService;
    private final String applicationPath;

    /** The engine's services resolved on first use: servlets are set up before the engine is built. */
    WebappEngineApi(@Lazy TaskService taskService, @Lazy IdentityService identityService,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.applicationPath = applicationPath;
    }

    @Override
    public void onStartup(ServletContext context) {
        ResourceConfig api = ResourceConfig.forApplication(new EngineRestApplication());
        new EngineRestErrors(taskService, identityService).mappers().forEach(api::register);
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET, new ServletContainer(api));
        servlet.addMapping(applicationPath + "/api/engine/*");
    }
}
