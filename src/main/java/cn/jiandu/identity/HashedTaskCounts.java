package cn.jiandu.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Task counts on PostgreSQL by the engine's own criteria and the engine's own authorization rule, written so
 * that PostgreSQL looks the grants up in a hash table instead of probing the authorization index three times
 * for every task.
 *
 * <p>The engine counts a group's tasks by joining its grants with {@code AUTH.RESOURCE_ID_ IN (task id,
 * definition key, '*')}. A join on an OR cannot be hashed: every task of the group costs three index probes and
 * reads the grants on the definition and on '*' again (0.7 s for one count of 30,000 tasks at 100,000 open
 * cases, bench/README.md), and Tasklist's page asks two such counts and the sidebar's. Here the same criteria
 * (the engine's statement fragment, included as it is, all filters and tenant checks with it) select the tasks,
 * and the same grants are asked as {@code task IN (grants) OR key IN (grants) OR '*' IN (grants)}: a task is
 * counted when a grant of the user, of '*' or of one of the user's groups with the permissions the engine
 * asks (READ on the task, READ_TASK on the definition) names the task, its definition or every resource.
 * That is the engine's join condition, said as a semi-join; {@code TaskCountsMatchTheEnginesTest} compares
 * both on grants of every kind.
 *
 * <p>Only counts, only on PostgreSQL, and only when the engine would join the grants: with revokes in force
 * (authorizationCheckRevokes) or composite checks the engine's statement runs unchanged, as it does for lists.
 * Off with {@code jiandu.tuning.enabled=false} (all tuning) or {@code jiandu.tuning.hashed-task-counts=false} (this
 * alone, to measure it: bench/README.md).
 */
@Component
@ConditionalOnProperty(name = {"jiandu.tuning.enabled", "jiandu.tuning.hashed-task-counts"}, havingValue = "true",
        matchIfMissing = true)
class HashedTaskCounts extends AbstractProcessEnginePlugin {

    static final String MAPPER = "cn/jiandu/identity/task-count.xml";
    static final String STATEMENT = "cn.jiandu.identity.TaskCount.selectTaskCountHashingGrants";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineManagers.replace(configuration, TaskManager.class, CountingTaskManager::new);
    }

    /** After the engine's mappers, whose fragments the statement includes. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (mybatis.hasStatement(STATEMENT, false)) {
            return;
        }
        try (InputStream mapper = HashedTaskCounts.class.getClassLoader().getResourceAsStream(MAPPER)) {
            if (mapper == null) {
                throw new IllegalStateException(MAPPER + " is missing from the class path");
            }
            new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class CountingTaskManager extends TaskManager {

        @Override
        public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
            configureQuery(query);
            AuthorizationCheck check = query.getAuthCheck();
            if (!grantsOnlyOnPostgres(check)) {
                return (Long) getDbEntityManager().selectOne("selectTaskCountByQueryCriteria", query);
            }
            query.setAuthCheck(new AppliedAround(check));
            try {
                return (Long) getDbEntityManager().selectOne(STATEMENT, query);
            } finally {
                query.setAuthCheck(check);
            }
        }

        private static boolean grantsOnlyOnPostgres(AuthorizationCheck check) {
            return DbSqlSessionFactory.POSTGRES.equals(Context.getProcessEngineConfiguration().getDatabaseType())
                    && check.getShouldPerformAuthorizatioCheck()
                    && check.getAuthUserId() != null
                    && !check.isRevokeAuthorizationCheckEnabled()
                    && check.getPermissionChecks().getCompositeChecks().isEmpty();
        }
    }

    /**
     * What the engine's fragment sees: no check of its own (so it neither joins the grants nor filters by them);
     * Jiandu's statement applies {@link #getOriginal()} around it.
     */
    public static final class AppliedAround extends AuthorizationCheck {

        private final AuthorizationCheck original;

        AppliedAround(AuthorizationCheck original) {
            this.original = original;
            setAuthorizationCheckEnabled(false);
        }

        public AuthorizationCheck getOriginal() {
            return original;
        }
    }
}
