package cn.jiandu.reports;

import cn.jiandu.support.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Persons held accountable in the report on a real PostgreSQL, migrated by Flyway as at start-up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
// Closed after the class, while PostgreSQL still runs (see ReportFiguresPostgresTest).
@DirtiesContext
class ReportPersonsPostgresTest extends ReportPersonsStory {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "report_persons");
    }
}
