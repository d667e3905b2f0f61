package cn.jiandu.publicreport;

import cn.jiandu.identity.Groups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * case-management's Tasklist filter 群众举报: its open tasks of cases that came in over /report, so that a
 * citizen's report is seen among the clues of other sources. Created once, readable by case-management only.
 */
@Component
class PublicReportsFilter {

    static final String NAME = "群众举报";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    PublicReportsFilter(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void ensure() {
        if (filters.createFilterQuery().filterName(NAME).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(NAME);
        filter.setOwner(null);
        filter.setQuery(tasks.createTaskQuery().taskCandidateGroup(Groups.CASE_MANAGEMENT).includeAssignedTasks()
                .processVariableValueEquals("source", "PUBLIC_REPORT"));
        filter.setProperties(Map.of(
                "jianduGroup", Groups.CASE_MANAGEMENT,
                "priority", 5,
                "description", "通过群众举报页面收到的举报（来源：群众举报）",
                "refresh", true,
                "variables", List.of(
                        Map.of("name", "caseNumber", "label", "案件编号"),
                        Map.of("name", "title", "label", "问题标题"),
                        Map.of("name", "unit", "label", "涉及单位"))));
        filter = filters.saveFilter(filter);
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Groups.CASE_MANAGEMENT);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filter.getId());
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }
}
