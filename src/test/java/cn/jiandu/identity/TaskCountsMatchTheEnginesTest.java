package cn.jiandu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.jiandu.support.EmbeddedPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Jiandu's task counts on PostgreSQL (HashedTaskCounts) count exactly what the engine's own statement finds: for
 * every kind of grant — a group's grant on each of its tasks, a task whose grant was taken away, a user's grant on
 * one task, a group's READ_TASK on a whole definition, a user's grant on every task ('*'), a grant without READ,
 * a task outside any process — and for the queries Tasklist's filters ask, each count equals the number of tasks
 * the engine's list statement (which joins the grants as before) returns to the same user. With a revoke in force
 * the engine's own count runs. The counts are really Jiandu's statement: MyBatis logs each use of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskCountsMatchTheEnginesTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "task_counts");
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;

    private final ListAppender<ILoggingEvent> statements = new ListAppender<>();
    private final Logger mybatis = (Logger) LoggerFactory.getLogger("cn.jiandu.identity.TaskCount");
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void tasksWithGrantsOfEveryKind() {
        deploy("countCheckOne", "office");
        deploy("countCheckTwo", "publicity");
        for (int i = 0; i < 5; i++) {
            runtime.startProcessInstanceByKey("countCheckOne");
        }
        for (int i = 0; i < 3; i++) {
            runtime.startProcessInstanceByKey("countCheckTwo");
        }
        List<Task> ofA = tasks.createTaskQuery().processDefinitionKey("countCheckOne").orderByTaskId().asc().list();
        List<Task> ofB = tasks.createTaskQuery().processDefinitionKey("countCheckTwo").orderByTaskId().asc().list();

        // office's grant on its first task taken away by an administrator: the group no longer reads it
        Authorization taken = authorizations.createAuthorizationQuery().groupIdIn("office")
                .resourceType(Resources.TASK).resourceId(ofA.get(0).getId()).singleResult();
        authorizations.deleteAuthorization(taken.getId());
        // a due date on two tasks, one assignee: the filters 已逾期 and 我的任务
        setDue(ofA.get(1), Instant.now().minusSeconds(3600));
        setDue(ofA.get(2), Instant.now().plusSeconds(86_400));
        tasks.setAssignee(ofA.get(3).getId(), "u-a");
        // three cases from the public page (群众举报, through JD_IX_VAR_PUBLIC_REPORT), the others inspections
        for (int i = 0; i < ofA.size(); i++) {
            runtime.setVariable(ofA.get(i).getProcessInstanceId(), "source",
                    i == 0 || i == 1 || i == 4 ? "PUBLIC_REPORT" : "INSPECTION");
        }
        // u-b reads one task of publicity itself; count-c reads every task of countCheckTwo; u-all every task
        grant("u-b", null, Resources.TASK, ofB.get(0).getId(), Permissions.READ);
        grant(null, "count-c", Resources.PROCESS_DEFINITION, "countCheckTwo", Permissions.READ_TASK);
        grant("u-all", null, Resources.TASK, "*", Permissions.READ);
        // a grant that does not allow reading
        grant("u-work", null, Resources.TASK, ofB.get(1).getId(), TaskPermissions.TASK_WORK);
        // a task outside any process, for office
        Task standalone = tasks.newTask();
        standalone.setName("独立任务");
        tasks.saveTask(standalone);
        tasks.addCandidateGroup(standalone.getId(), "office");
        created.add(standalone.getId());

        mybatis.setLevel(Level.DEBUG);
        statements.start();
        mybatis.addAppender(statements);
    }

    @AfterEach
    void removeWhatWasMade() {
        mybatis.detachAppender(statements);
        mybatis.setLevel(null);
        created.forEach(id -> tasks.deleteTask(id, true));
        repository.createDeploymentQuery().deploymentName("count-check").list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
        authorizations.createAuthorizationQuery().userIdIn("u-b", "u-all", "u-work").list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        authorizations.createAuthorizationQuery().groupIdIn("count-c", "count-d").list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    @Test
    void everyUsersCountsAreWhatTheEnginesListShowsThem() {
        assertSame("u-a", List.of("office"), 5);        // four of five process tasks and the standalone one
        assertSame("u-x", List.of("publicity"), 3);
        assertSame("u-b", List.of(), 1);
        assertSame("u-c", List.of("count-c"), 3);
        assertSame("u-all", List.of(), 9);
        assertSame("u-work", List.of(), 0);
        assertSame("u-two", List.of("office", "publicity"), 8);
        identity.setAuthentication("u-a", List.of("office"));
        try {
            assertThat(tasks.createTaskQuery().taskCandidateGroup("office").includeAssignedTasks()
                    .processVariableValueEquals("source", "PUBLIC_REPORT").count())
                    .as("office's public reports, less the one whose grant was taken away").isEqualTo(2);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(statements.list).as("the counts ran Jiandu's statement")
                .anyMatch(e -> e.getFormattedMessage().contains("Preparing"));
    }

    @Test
    void anOfficerAskingForAnotherGroupsTasksCountsNoneOfThem() {
        identity.setAuthentication("u-a", List.of("office"));
        try {
            assertThat(tasks.createTaskQuery().taskCandidateGroup("publicity").includeAssignedTasks().count())
                    .as("publicity's three tasks, asked by an officer of another group").isZero();
            assertThat(tasks.createTaskQuery().processDefinitionKey("countCheckTwo").count()).isZero();
            assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of("office", "publicity")).count())
                    .as("only office's own readable, unassigned tasks").isEqualTo(4);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(statements.list).as("the counts ran Jiandu's statement")
                .anyMatch(e -> e.getFormattedMessage().contains("Preparing"));
    }

    @Test
    void withARevokeInForceTheEnginesOwnCountRunsAndAgrees() {
        Task first = tasks.createTaskQuery().processDefinitionKey("countCheckTwo").orderByTaskId().asc().list().get(0);
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setGroupId("count-d");
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(first.getId());
        revoke.addPermission(Permissions.READ);
        authorizations.saveAuthorization(revoke);
        statements.list.clear();

        assertSame("u-d", List.of("publicity", "count-d"), 3); // the engine lets a group's grant outweigh another group's revoke
        assertThat(statements.list).as("no Jiandu statement with revokes").isEmpty();
    }

    private void assertSame(String user, List<String> groups, long expected) {
        identity.setAuthentication(user, groups);
        try {
            for (Supplier<TaskQuery> query : queries(user, groups)) {
                long listed = query.get().list().size();
                assertThat(query.get().count()).as("%s in %s: %s", user, groups, query.get()).isEqualTo(listed);
            }
            assertThat(tasks.createTaskQuery().count()).as("all tasks %s reads", user).isEqualTo(expected);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** What Tasklist's filters and pages ask: all, 本组待办, 已逾期, 群众举报, 我的任务, one definition, a name. */
    private List<Supplier<TaskQuery>> queries(String user, List<String> groups) {
        List<Supplier<TaskQuery>> queries = new ArrayList<>();
        queries.add(() -> tasks.createTaskQuery());
        for (String group : groups) {
            queries.add(() -> tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
            queries.add(() -> tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                    .dueBefore(new Date()));
            queries.add(() -> tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                    .processVariableValueEquals("source", "PUBLIC_REPORT"));
        }
        if (!groups.isEmpty()) {
            queries.add(() -> tasks.createTaskQuery().taskCandidateGroupIn(groups));
        }
        queries.add(() -> tasks.createTaskQuery().taskAssignee(user));
        queries.add(() -> tasks.createTaskQuery().processDefinitionKey("countCheckTwo"));
        queries.add(() -> tasks.createTaskQuery().taskNameLike("%任务%"));
        return queries;
    }

    private void deploy(String key, String group) {
        repository.createDeployment().name("count-check").addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("work").name("计数核对任务").camundaCandidateGroups(group)
                        .camundaFormRef("triageCaseForm").camundaFormRefBinding("latest")
                        .endEvent().done())
                .deploy();
    }

    private void setDue(Task task, Instant due) {
        task.setDueDate(Date.from(due));
        tasks.saveTask(task);
    }

    private void grant(String user, String group, Resources resource, String id,
            org.camunda.bpm.engine.authorization.Permission permission) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }
}
