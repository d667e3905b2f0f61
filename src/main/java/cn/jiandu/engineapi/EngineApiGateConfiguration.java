package cn.jiandu.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the gate in front of the engine REST API and the webapps' APIs, right after the REST API's login. */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EngineApiGateConfiguration {

    /** After cn.jiandu.system's engine REST authentication (order 200), which tells the gate who calls. */
    static final int ORDER = 210;

    @Bean
    FilterRegistrationBean<EngineApiGate> engineApiGate(IdentityService identityService, StepGuard guard,
            ObjectMapper json, CamundaBpmProperties camunda) {
        FilterRegistrationBean<EngineApiGate> registration = new FilterRegistrationBean<>(
                new EngineApiGate(identityService, guard, json, camunda.getProcessEngineName()));
        registration.setName("jiandu-engine-api-gate");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
