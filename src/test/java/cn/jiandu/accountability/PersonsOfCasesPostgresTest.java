package cn.jiandu.accountability;

import cn.jiandu.common.CommissionClock;
import cn.jiandu.support.EmbeddedPostgres;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The persons of cases on a real PostgreSQL, migrated by Flyway as at start-up. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PersonRepository.class, RepeatOffences.class, CommissionClock.class})
class PersonsOfCasesPostgresTest extends PersonsOfCasesStory {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "case_persons");
    }
}
