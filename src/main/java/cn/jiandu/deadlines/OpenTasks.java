package cn.jiandu.deadlines;

import cn.jiandu.mail.Recipients;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Finds the open task a deadline is about, and who works on it. */
@Component
class OpenTasks {

    private final TaskService taskService;
    private final Recipients recipients;

    OpenTasks(TaskService taskService, Recipients recipients) {
        this.taskService = taskService;
        this.recipients = recipients;
    }

    Task find(String processInstanceId, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** The assignee's address, or the addresses of the candidate groups while nobody has claimed it. */
    Set<String> addressesOfWorkers(Task task) {
        if (task.getAssignee() != null) {
            Set<String> assignee = recipients.ofUser(task.getAssignee());
            if (!assignee.isEmpty()) {
                return assignee;
            }
        }
        Set<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
        return recipients.ofGroups(groups);
    }
}
