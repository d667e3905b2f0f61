package cn.jiandu.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Indexes and planner statistics on the engine's tables for the queries Jiandu's people run all day,
 * measured in bench/README.md: a group's Tasklist page sorted by due date, the lookup of subtasks
 * that every task completion makes, a user's grants that every count reads, and on PostgreSQL the counts of
 * Tasklist's sidebar (a group's tasks, 群众举报). Without them each costs time in proportion to the open tasks.
 * The engine creates its tables after Jiandu's Flyway migrations have run, so they are made here,
 * when the engine is up, and only where missing; a failure is logged, never fatal.
 */
@Component
@ConditionalOnProperty(name = "jiandu.tuning.enabled", havingValue = "true", matchIfMissing = true)
class EngineIndexes {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private static final List<String> EVERY_DATABASE = List.of(
            "CREATE INDEX IF NOT EXISTS JD_IX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_)",
            "CREATE INDEX IF NOT EXISTS JD_IX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)",
            // A user's own grants and everybody's ('*'): the engine indexes grants by group, by resource and by
            // (type, user, ...), so that "USER_ID_ IN (user, '*')" read all grants (360,000 at 100,000 open cases).
            "CREATE INDEX IF NOT EXISTS JD_IX_AUTH_USER ON ACT_RU_AUTHORIZATION (USER_ID_)");

    /**
     * case-management's filter 群众举报 (publicreport/PublicReportsFilter) asks for tasks whose case has the process
     * variable source = PUBLIC_REPORT. The engine tests that per task through the index on the variables' process
     * instance, reading every variable of the case (a dozen rows of a table larger than the shared buffers): 0.2–0.6 s
     * for the sidebar's count at 10,000 open tasks of the group. This partial index holds only the cases from the
     * public page, so PostgreSQL starts from them: the count then costs in proportion to the public reports (about a
     * millisecond when there are none, the same as before when one case in five is one). Partial indexes are
     * PostgreSQL's; the plan needs the values in the statement, which force_custom_plan (PostgresPlannerSettings) gives.
     */
    private static final String PUBLIC_REPORT_CASES = "CREATE INDEX IF NOT EXISTS JD_IX_VAR_PUBLIC_REPORT"
            + " ON ACT_RU_VARIABLE (PROC_INST_ID_) WHERE NAME_ = 'source' AND TEXT_ = 'PUBLIC_REPORT' AND TASK_ID_ IS NULL";

    /**
     * What a count of a group's tasks reads (identity/HashedTaskCounts, task-count.xml), held in two indexes so that
     * PostgreSQL reads neither table: the group's candidate links ({@code GROUP_ID_, TYPE_} → {@code TASK_ID_}) and,
     * for every task, the columns the count and the tenant and suspension criteria look at. A count of 30,000 tasks
     * at 100,000 open cases 145 → 123 ms. The task id of the links is only included, not a key: as a key, PostgreSQL
     * took the index to test each task of a list by due date for its group, slower than the engine's index on the
     * links' task (case-review's first page 110 → 157 ms). Both tables change when a task opens or closes; the
     * columns included here do not change while it is open, so updates of a task (assignee, due date) stay
     * heap-only. INCLUDE is PostgreSQL's (11 or later).
     */
    private static final List<String> COUNTED_COLUMNS = List.of(
            "CREATE INDEX IF NOT EXISTS JD_IX_IDENTITYLINK_GROUP ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_)"
                    + " INCLUDE (TASK_ID_)",
            "CREATE INDEX IF NOT EXISTS JD_IX_TASK_COUNTED ON ACT_RU_TASK (ID_)"
                    + " INCLUDE (TENANT_ID_, SUSPENSION_STATE_, PROC_DEF_ID_, CASE_EXECUTION_ID_)");

    /**
     * Every task query joins the authorizations and tests permission bits (PERMS_ &amp; 2 = 2). Without
     * statistics on those expressions PostgreSQL guesses that 0.5 % of the rows match and joins them
     * by a nested loop that grows with the square of the open tasks. Needs PostgreSQL 14 or later.
     */
    private static final String AUTHORIZATION_STATISTICS =
            "CREATE STATISTICS IF NOT EXISTS jd_st_authorization_perms ON (PERMS_ & 2), (PERMS_ & 64)"
                    + " FROM ACT_RU_AUTHORIZATION";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    EngineIndexes(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    public void ensure() {
        EVERY_DATABASE.forEach(this::execute);
        if (!isPostgres()) {
            return;
        }
        execute(PUBLIC_REPORT_CASES);
        COUNTED_COLUMNS.forEach(this::execute);
        if (!statisticsExist()) {
            execute(AUTHORIZATION_STATISTICS);
            execute("ANALYZE ACT_RU_AUTHORIZATION");
        }
    }

    private void execute(String sql) {
        try {
            jdbc.execute(sql);
        } catch (DataAccessException e) {
            log.warn("Could not tune the engine's tables ({}): {}", sql, e.getMessage());
        }
    }

    private boolean statisticsExist() {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = 'jd_st_authorization_perms'", Integer.class);
        return count != null && count > 0;
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }
}
