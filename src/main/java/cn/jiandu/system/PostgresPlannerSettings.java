package cn.jiandu.system;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Planner costs for each PostgreSQL connection of Jiandu, so that the engine's task queries probe the
 * authorization index instead of comparing every open task with every grant of the group.
 *
 * <p>Every Tasklist page and count joins the grants by {@code RESOURCE_ID_ IN (task id, definition key, '*')}.
 * With PostgreSQL's default costs the planner prefers a nested loop over all the group's grants
 * (open tasks × grants comparisons: 1.2 s for a count at 10,000 open cases, growing with the square);
 * with a random page cost for SSD storage (1.1 instead of 4) and a CPU cost per operator of 0.005 instead
 * of 0.0025 it takes three index probes per task (54 ms, growing linearly; the first page 29 → 1 ms).
 * The driver prepares a statement on the server after five uses, and PostgreSQL then may switch to a
 * generic plan that does not know the group, which is the slow one again (count 0.1 s → 1.3 s from the
 * sixth request on); so each execution is planned with its parameters (about a millisecond more).
 * A count makes a group's tasks distinct (30,000 at 100,000 open cases): with the default 4 MB of memory per
 * sort or hash that spills to disk; 16 MB holds it (a count 200 → 170 ms). Each connection may use that much per
 * sort node, a few at a time: well within the memory of the database host even with the pool full.
 * Measured in bench/README.md ("Tuning"). Only for PostgreSQL, only for Jiandu's own connections;
 * off with {@code jiandu.tuning.enabled=false}; the values are {@code jiandu.postgres.session-settings}.
 */
@Component
@ConditionalOnProperty(name = "jiandu.tuning.enabled", havingValue = "true", matchIfMissing = true)
class PostgresPlannerSettings implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(PostgresPlannerSettings.class);

    static final String DEFAULTS =
            "SET random_page_cost = 1.1; SET cpu_operator_cost = 0.005; SET plan_cache_mode = force_custom_plan;"
                    + " SET work_mem = '16MB'";

    private final String settings;

    PostgresPlannerSettings(
            @Value("${jiandu.postgres.session-settings:" + DEFAULTS + "}")
            String settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && !settings.isBlank()
                && hikari.getConnectionInitSql() == null) {
            hikari.setConnectionInitSql(settings);
            log.info("PostgreSQL session settings of each connection: {}", settings);
        }
        return bean;
    }
}
