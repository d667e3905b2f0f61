package cn.jiandu.accountability;

import cn.jiandu.common.CommissionClock;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

/** The persons of cases on the embedded H2 database, migrated by Flyway as at start-up. */
@JdbcTest
@Import({PersonRepository.class, RepeatOffences.class, CommissionClock.class})
class PersonsOfCasesTest extends PersonsOfCasesStory {
}
