package cn.jiandu.reports;

import org.springframework.boot.test.context.SpringBootTest;

/** Persons held accountable in the report on the embedded H2 database, migrated by Flyway as at start-up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:report-persons;DB_CLOSE_DELAY=-1"})
class ReportPersonsTest extends ReportPersonsStory {
}
