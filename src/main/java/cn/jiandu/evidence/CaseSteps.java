package cn.jiandu.evidence;

import cn.jiandu.cases.CaseRecord;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The steps of a case evidence can belong to, and who may attach to them. Attached to an open task, only
 * its holder may (the assignee; while unassigned, its candidate users and groups). Attached to a step of
 * the route (the report or a user task of the case's model version), those who work on the case: case
 * management, case review, leaders and the team of the case's zone, provided they may read the case.
 */
@Component
class CaseSteps {

    /** A step one may attach evidence to; taskId when it is one of the caller's open tasks. */
    record Step(String stepKey, String stepName, String taskId) {
    }

    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;

    CaseSteps(TaskService tasks, HistoryService history, RepositoryService repository) {
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
    }

    static boolean worksOn(CurrentUser user, CaseRecord record) {
        return user.isMemberOf(Groups.CASE_MANAGEMENT) || user.isMemberOf(Groups.CASE_REVIEW)
                || user.isMemberOf(Groups.LEADERS)
                || record.zone() != null && user.isMemberOf(Groups.teamOfZone(record.zone()));
    }

    /** The open task of this case with this id, if there is one. */
    Optional<Task> openTask(CaseRecord record, String taskId) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult())
                .filter(task -> record.processInstanceId().equals(task.getProcessInstanceId()));
    }

    boolean holds(CurrentUser user, Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user.id());
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.id().equals(link.getUserId())
                        || link.getGroupId() != null && user.isMemberOf(link.getGroupId()));
    }

    /** The steps of the route this case follows: its report (start event) and each user task, by id. */
    Map<String, String> ofRoute(CaseRecord record) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(record.processInstanceId()).singleResult();
        Map<String, String> steps = new LinkedHashMap<>();
        if (instance == null) {
            return steps;
        }
        var model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        model.getModelElementsByType(StartEvent.class).stream()
                .filter(start -> start.getParentElement() instanceof Process)
                .forEach(start -> steps.put(start.getId(), nameOf(start.getName(), start.getId())));
        model.getModelElementsByType(UserTask.class)
                .forEach(task -> steps.putIfAbsent(task.getId(), nameOf(task.getName(), task.getId())));
        return steps;
    }

    /** What the caller may attach to now: their open tasks of the case, then the route's steps if they work on it. */
    List<Step> choicesFor(CurrentUser user, CaseRecord record) {
        List<Step> choices = new ArrayList<>();
        if ("CLOSED".equals(record.stage())) {
            return choices;
        }
        tasks.createTaskQuery().processInstanceId(record.processInstanceId()).active().orderByTaskCreateTime().asc()
                .list().stream().filter(task -> holds(user, task))
                .forEach(task -> choices.add(new Step(task.getTaskDefinitionKey(), task.getName(), task.getId())));
        if (worksOn(user, record)) {
            ofRoute(record).forEach((key, name) -> choices.add(new Step(key, name, null)));
        }
        return choices;
    }

    private static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
