package cn.jiandu.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Points Camunda's static engine registry, which the REST API and the webapps look "default" up
 * in, at the engine of the test about to run. Every cached application context has an engine
 * named "default": a context started later takes the name over, and closing an evicted one
 * removes it, so without this a test reusing a context would reach another test's engine or
 * none ("Process engine default not available").
 */
public class EngineOfTheRunningTest extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return 1000;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                .ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
