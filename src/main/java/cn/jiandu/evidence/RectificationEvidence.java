package cn.jiandu.evidence;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.rectification.RectificationProcess;
import cn.jiandu.rectification.RectificationQueries;
import cn.jiandu.rectification.RectificationView;
import cn.jiandu.system.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evidence of a rectification (the unit's report back, the follow-up's photos), filed with the same checks
 * and storage as a case's, to the open task of the rectification that the uploader holds; it belongs to the
 * rectification's case too when it has one. Everything is 404 for those who may not see the rectification.
 */
@Service
class RectificationEvidence {

    private final RectificationQueries rectifications;
    private final EvidenceFiling filing;
    private final CaseSteps steps;
    private final EvidenceRepository evidence;
    private final TaskService tasks;
    private final Clock clock;

    RectificationEvidence(RectificationQueries rectifications, EvidenceFiling filing, CaseSteps steps,
            EvidenceRepository evidence, TaskService tasks, Clock clock) {
        this.rectifications = rectifications;
        this.filing = filing;
        this.steps = steps;
        this.evidence = evidence;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional
    EvidenceEntry upload(CurrentUser user, String number, EvidenceFiling.Upload upload) {
        RectificationView rectification = readable(user, number);
        if (!rectification.state().open()) {
            throw new ConflictException("整改 " + number + " 已" + rectification.stateLabel() + "，不能再添加证据材料。");
        }
        Task task = task(user, rectification, upload.taskId(), upload.stepKey());
        EvidenceFiling.Checked file = filing.check(upload);
        long id = evidence.insert(new EvidenceRepository.NewEvidence(rectification.caseNumber(), file.fileName(),
                file.type(), EvidenceFiling.sha256(upload.bytes()), file.description(), task.getTaskDefinitionKey(),
                task.getName(), task.getId(), user.id(), OffsetDateTime.now(clock), number), upload.bytes());
        return evidence.findOfRectification(number, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<EvidenceEntry> list(CurrentUser user, String number) {
        readable(user, number);
        return evidence.listOfRectification(number);
    }

    @Transactional(readOnly = true)
    EvidenceRepository.Content download(CurrentUser user, String number, long id) {
        readable(user, number);
        EvidenceEntry entry = entry(number, id);
        return new EvidenceRepository.Content(entry, evidence.bytes(id).orElseThrow());
    }

    @Transactional
    EvidenceEntry withdraw(CurrentUser user, String number, long id, String reason) {
        readable(user, number);
        EvidenceEntry entry = entry(number, id);
        if (!EvidenceFiling.mayWithdraw(user, entry)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "只有上传人（" + entry.uploadedBy() + "）或委领导可以撤回这份证据材料。");
        }
        if (!evidence.withdraw(id, user.id(), OffsetDateTime.now(clock), reason.strip())) {
            throw new ConflictException("这份证据材料已由 " + entry(number, id).withdrawnBy() + " 撤回，无需再次撤回。");
        }
        return entry(number, id);
    }

    /**
     * The open task of the rectification the file belongs to: the one named (taskId or step), else the only
     * one the uploader holds. Only its holder may attach to it.
     */
    private Task task(CurrentUser user, RectificationView rectification, String taskId, String stepKey) {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(RectificationProcess.PROCESS_KEY)
                .processInstanceBusinessKey(rectification.rectificationNumber()).active().list();
        List<Task> named = open.stream()
                .filter(task -> blank(taskId) || task.getId().equals(taskId.strip()))
                .filter(task -> blank(stepKey) || task.getTaskDefinitionKey().equals(stepKey.strip())).toList();
        if (named.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "整改 " + rectification.rectificationNumber()
                    + " 没有" + (blank(taskId) && blank(stepKey) ? "待办任务" : "这个待办任务（可能已经办结）")
                    + "：证据材料须附在整改的待办任务上，如登记整改情况报告（recordRectificationReport）或回头看（recordFollowUp）。");
        }
        List<Task> held = named.stream().filter(task -> steps.holds(user, task)).toList();
        if (held.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "任务“" + named.get(0).getName()
                    + "”不在您的待办中，只有办理该任务的人可以为它添加证据材料。");
        }
        if (held.size() > 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请注明证据材料所属的任务：taskId 或 step（"
                    + String.join("、", held.stream().map(Task::getTaskDefinitionKey).toList()) + "）。");
        }
        return held.get(0);
    }

    private RectificationView readable(CurrentUser user, String number) {
        return rectifications.find(user, number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "没有编号为 " + number + " 的整改，或您无权查看该整改"));
    }

    private EvidenceEntry entry(String number, long id) {
        return evidence.findOfRectification(number, id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "整改 " + number + " 没有编号为 " + id + " 的证据材料。"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
