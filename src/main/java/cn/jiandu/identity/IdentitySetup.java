package cn.jiandu.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the commission's groups, what each may do in the engine and its Tasklist filters.
 * Runs at every start and only adds what is missing, so an administrator's later changes stay.
 */
@Component
class IdentitySetup {

    private static final String ENGINE_ADMIN_GROUP_NAME = "camunda BPM Administrators";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final List<ProcessAccess> access;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, List<ProcessAccess> access) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.access = access;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void setUp() {
        Groups.NAMES.forEach(this::ensureGroup);
        nameTheAdministrators();
        for (String group : Groups.NAMES.keySet()) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            for (ProcessAccess feature : access) {
                for (String processKey : feature.readByEveryGroup()) {
                    grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ);
                }
            }
            ensureFilters(group);
        }
        for (ProcessAccess feature : access) {
            feature.readBy().forEach((group, processKeys) -> processKeys.forEach(processKey ->
                    grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ)));
            feature.startedBy().forEach((group, processKeys) -> processKeys.forEach(processKey -> {
                grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, Permissions.CREATE_INSTANCE);
                grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
            }));
        }
        ensureMyTasksFilter();
        narrowTaskGrants();
    }

    /**
     * Tasks created before Jiandu gave TASK_WORK carry UPDATE for their groups and assignees, which
     * lets them reassign, rename or re-date the task: narrowed to TASK_WORK once, at start.
     */
    private void narrowTaskGrants() {
        for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()) {
            if (grant.getAuthorizationType() == AUTH_TYPE_GRANT && !Authorization.ANY.equals(grant.getResourceId())) {
                grant.removePermission(Permissions.UPDATE);
                grant.addPermission(TaskPermissions.TASK_WORK);
                authorizationService.saveAuthorization(grant);
            }
        }
    }

    /**
     * The engine creates the administrators' group with an English name and the configured admin
     * user (camunda.bpm.admin-user) as first and last name; Welcome and Admin show both to Chinese
     * readers. Only those defaults are replaced, so that a name an administrator chose stays.
     */
    private void nameTheAdministrators() {
        Group admins = identityService.createGroupQuery().groupId(Groups.ADMIN).singleResult();
        if (admins != null && ENGINE_ADMIN_GROUP_NAME.equals(admins.getName())) {
            admins.setName(Groups.ADMIN_NAME);
            identityService.saveGroup(admins);
        }
        // The webapps show firstName + " " + lastName, which split a Chinese name in two ("系统 管理员").
        for (User user : identityService.createUserQuery().memberOfGroup(Groups.ADMIN).list()) {
            if ("系统".equals(user.getFirstName()) && "管理员".equals(user.getLastName())) {
                user.setFirstName("系统管理员");
                user.setLastName("");
                identityService.saveUser(user);
            }
        }
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
    }

    /** Grants the permissions, adding to an existing grant of the group on that resource if there is one. */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).list().stream()
                .filter(existing -> existing.getAuthorizationType() == AUTH_TYPE_GRANT)
                .findFirst()
                .orElse(null);
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private void ensureMyTasksFilter() {
        TaskQuery mine = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
        Filter filter = ensureFilter("我的任务", "all", mine, -10, "分配给我本人的任务");
        for (String group : Groups.NAMES.keySet()) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void ensureFilters(String group) {
        TaskQuery groupTasks = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
        Filter open = ensureFilter("本组待办", group, groupTasks, 0, Groups.NAMES.get(group) + "的全部待办任务");
        grant(group, Resources.FILTER, open.getId(), Permissions.READ);

        TaskQuery overdue = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                .dueBeforeExpression("${now()}");
        Filter late = ensureFilter("已逾期", group, overdue, 10, Groups.NAMES.get(group) + "已超过办理期限的任务");
        grant(group, Resources.FILTER, late.getId(), Permissions.READ);
    }

    private Filter ensureFilter(String name, String group, TaskQuery query, int priority, String description) {
        for (Filter existing : filterService.createFilterQuery().filterName(name).list()) {
            if (group.equals(existing.getProperties().get("jianduGroup"))) {
                return existing;
            }
        }
        Filter filter = filterService.newTaskFilter(name);
        filter.setOwner(null);
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "jianduGroup", group,
                "priority", priority,
                "description", description,
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "caseNumber", "label", "案件编号"),
                        Map.of("name", "title", "label", "问题标题"),
                        Map.of("name", "unit", "label", "涉及单位"))));
        return filterService.saveFilter(filter);
    }
}
