package cn.jiandu.approvals;

import cn.jiandu.cases.CaseQueries;
import cn.jiandu.cases.SupervisionCaseProcess;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.steps.StepInput;
import cn.jiandu.steps.StepInputCheck;
import cn.jiandu.steps.StepInputException;
import cn.jiandu.system.ConflictException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.jiandu.steps.StepInputs;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A leader's approval of a case from the phone page: found only for a candidate (or the assignee) of
 * the task who may read the case, and completed through the engine as that person, so that the step's
 * declaration (StepInputCheck), its listeners (TaskInputRules: a choice, a reason to return) and the
 * engine's authorizations hold exactly as in Tasklist.
 */
@Service
class LeaderApprovals {

    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Map<String, String> RETURNS_TO = Map.of(
            SupervisionCaseProcess.APPROVE_DISPOSAL, "退回案件监督管理室重新研判",
            SupervisionCaseProcess.APPROVE_FAULT_TOLERANCE, "不同意免责，退回案件审理室重新审查",
            SupervisionCaseProcess.APPROVE_ACCOUNTABILITY, "退回（拟立案的退回初步核实，其他退回重新提出处理意见）");

    private final TaskService tasks;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final CaseQueries cases;
    private final StepInputs steps;

    LeaderApprovals(TaskService tasks, RepositoryService repository, IdentityService identity, CaseQueries cases,
            StepInputs steps) {
        this.tasks = tasks;
        this.repository = repository;
        this.identity = identity;
        this.cases = cases;
        this.steps = steps;
    }

    /** Empty unless the task is an open approval of route version 2 the user may work and its case one they may read. */
    Optional<Approval> find(CurrentUser user, String taskId) {
        if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
            return Optional.empty();
        }
        Task task = tasks.createTaskQuery().taskId(taskId).processDefinitionKey(SupervisionCaseProcess.PROCESS_KEY)
                .singleResult();
        if (task == null || !SupervisionCaseProcess.LEADERS_APPROVALS.containsKey(task.getTaskDefinitionKey())
                || !SupervisionCaseProcess.VERSION_2.equals(versionTag(task)) || !mayWork(user, task)) {
            return Optional.empty();
        }
        Object caseNumber = tasks.getVariable(taskId, "caseNumber");
        return cases.detail(user, caseNumber == null ? null : caseNumber.toString()).map(view -> new Approval(
                task.getId(), task.getTaskDefinitionKey(), task.getName(),
                SupervisionCaseProcess.LEADERS_APPROVALS.get(task.getTaskDefinitionKey()),
                RETURNS_TO.get(task.getTaskDefinitionKey()), task.getCreateTime(), view));
    }

    /**
     * Completes the approval as the user: 同意 (true), 退回 (false) or no choice (null, which the step refuses).
     *
     * @return the case number
     */
    String decide(CurrentUser user, String taskId, Boolean approved, String comment) {
        Approval approval = find(user, taskId).orElseThrow(() -> new ApprovalNotFound(taskId));
        ObjectNode sent = JsonNodeFactory.instance.objectNode();
        if (approved != null) {
            sent.putObject(approval.decision()).put("value", approved).put("type", "Boolean");
        }
        if (comment != null && !comment.isBlank()) {
            sent.putObject("approvalComment").put("value", comment.strip()).put("type", "String");
        }
        StepInput step = steps.find(SupervisionCaseProcess.PROCESS_KEY, SupervisionCaseProcess.VERSION_2,
                approval.step()).orElseThrow();
        try {
            StepInputCheck.clean(step, sent);
        } catch (StepInputException refused) {
            throw new FormFieldValidationException(refused.field(), refused.getMessage());
        }
        Map<String, Object> variables = new HashMap<>();
        if (approved != null) {
            variables.put(approval.decision(), approved);
        }
        if (sent.has("approvalComment")) {
            variables.put("approvalComment", sent.path("approvalComment").path("value").asText());
        }
        identity.setAuthentication(user.id(), user.groups());
        try {
            tasks.complete(taskId, variables);
        } catch (ProcessEngineException failed) {
            throw why(failed, taskId);
        } finally {
            identity.clearAuthentication();
        }
        return approval.caseView().caseNumber();
    }

    /** The step's own refusal (it names the field), the engine's authorization, or someone else was quicker. */
    private RuntimeException why(ProcessEngineException failed, String taskId) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException refused) {
                return refused;
            }
            if (cause instanceof AuthorizationException denied) {
                return denied;
            }
        }
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            return new ConflictException("该审批已由他人办理，无需再次提交。请打开案件页查看办理结果。");
        }
        return failed;
    }

    private String versionTag(Task task) {
        return repository.getProcessDefinition(task.getProcessDefinitionId()).getVersionTag();
    }

    private boolean mayWork(CurrentUser user, Task task) {
        if (user.id().equals(task.getAssignee())) {
            return true;
        }
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (user.id().equals(link.getUserId())
                    || link.getGroupId() != null && user.isMemberOf(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    /** No such approval for this person: answered 404 like a case they may not read. */
    static final class ApprovalNotFound extends ResponseStatusException {
        ApprovalNotFound(String taskId) {
            super(HttpStatus.NOT_FOUND, "没有编号为 " + taskId + " 的待审批事项，或该事项已办理、您不是审批人");
        }
    }
}
