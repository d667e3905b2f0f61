package cn.jiandu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The engine of the inspection and report process tests: one application context for all of them
 * (in-memory H2, jobs fired by hand, district leaders' addresses set), and each class's process
 * coverage asserted to be at least 95%.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:inspection-and-report-processes;DB_CLOSE_DELAY=-1",
        "jiandu.mail.district-leaders=qu-shuji@example.cn, qu-zhang@example.cn",
        "jiandu.mail.notice-distribution=units@example.cn, media@example.cn"})
@Import({ProcessEngineCoverageConfiguration.class, ProcessTestContext.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTestContext {

    @TestConfiguration
    class Coverage {

        /**
         * Primary: ProcessEngineCoverageConfiguration registers a default too, and with two the
         * listener silently falls back to no assertion at all. The cases an inspection starts and the
         * mails a report sends are the stories of supervisionCase and mailDelivery, covered by their
         * own tests.
         */
        @Bean
        @Primary
        ProcessEngineCoverageProperties inspectionAndReportCoverage() {
            return ProcessEngineCoverageProperties.Companion.builder()
                    .assertClassCoverageAtLeast(0.95)
                    .excludeProcessDefinitionKeys("supervisionCase", "mailDelivery")
                    .build();
        }
    }
}
