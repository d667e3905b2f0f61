package cn.jiandu.evidence;

import cn.jiandu.cases.CaseRecord;
import cn.jiandu.cases.ReadableCases;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import cn.jiandu.system.ConflictException;
import cn.jiandu.system.PlainText;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Files evidence to a case, shows it and withdraws it, each only for those who may read the case (else
 * 404, as the case API answers). Every check runs before anything is written: a refused file leaves no
 * row and no bytes behind. Evidence is never deleted; the uploader or a leader may withdraw it, with a reason.
 */
@Service
class EvidenceFiling {

    /** A file as it arrived, with what its sender said about it; none of it is trusted. */
    record Upload(String fileName, String declaredType, byte[] bytes, String description, String taskId,
            String stepKey) {
    }

    static final int DESCRIPTION = 500;
    static final int REASON = 500;
    static final int FILE_NAME = 255;

    private final ReadableCases cases;
    private final CaseSteps steps;
    private final EvidenceRepository evidence;
    private final FileTypeCheck types;
    private final EvidenceProperties properties;
    private final Clock clock;

    EvidenceFiling(ReadableCases cases, CaseSteps steps, EvidenceRepository evidence, FileTypeCheck types,
            EvidenceProperties properties, Clock clock) {
        this.cases = cases;
        this.steps = steps;
        this.evidence = evidence;
        this.types = types;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    EvidenceEntry upload(CurrentUser user, String caseNumber, Upload upload) {
        CaseRecord record = readable(user, caseNumber);
        CaseSteps.Step step = step(user, record, upload.taskId(), upload.stepKey());
        if ("CLOSED".equals(record.stage())) {
            throw new ConflictException("案件 " + caseNumber + " 已办结，不能再添加证据材料。");
        }
        Checked file = check(upload);
        long id = evidence.insert(new EvidenceRepository.NewEvidence(caseNumber, file.fileName(), file.type(),
                sha256(upload.bytes()), file.description(), step.stepKey(), step.stepName(), step.taskId(), user.id(),
                OffsetDateTime.now(clock)), upload.bytes());
        return evidence.find(caseNumber, id).orElseThrow();
    }

    /** A file that passed the checks every piece of evidence passes: its name, description, size and type. */
    record Checked(String fileName, String description, EvidenceType type) {
    }

    Checked check(Upload upload) {
        String description = blankToNull(upload.description());
        if (description != null && (description.length() > DESCRIPTION || !PlainText.Check.accepts(description))) {
            throw badRequest("证据说明最多 " + DESCRIPTION + " 个字，且不能含控制字符。");
        }
        String fileName = fileName(upload.fileName());
        if (upload.bytes().length > properties.maxFileSize().toBytes()) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "文件 " + fileName + " 超过 "
                    + properties.maxFileSizeText() + " 的上限：请压缩或拆分后再上传。");
        }
        return new Checked(fileName, description, types.check(upload.bytes(), fileName, upload.declaredType()));
    }

    @Transactional(readOnly = true)
    List<EvidenceEntry> list(CurrentUser user, String caseNumber) {
        readable(user, caseNumber);
        return evidence.list(caseNumber);
    }

    @Transactional(readOnly = true)
    List<CaseSteps.Step> stepsFor(CurrentUser user, String caseNumber) {
        return steps.choicesFor(user, readable(user, caseNumber));
    }

    @Transactional(readOnly = true)
    EvidenceRepository.Content download(CurrentUser user, String caseNumber, long id) {
        readable(user, caseNumber);
        EvidenceEntry entry = entry(caseNumber, id);
        return new EvidenceRepository.Content(entry, evidence.bytes(id).orElseThrow());
    }

    @Transactional
    EvidenceEntry withdraw(CurrentUser user, String caseNumber, long id, String reason) {
        readable(user, caseNumber);
        EvidenceEntry entry = entry(caseNumber, id);
        if (!mayWithdraw(user, entry)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "只有上传人（" + entry.uploadedBy() + "）或委领导可以撤回这份证据材料。");
        }
        if (!evidence.withdraw(id, user.id(), OffsetDateTime.now(clock), reason.strip())) {
            EvidenceEntry withdrawn = entry(caseNumber, id);
            throw new ConflictException("这份证据材料已于 " + withdrawn.withdrawnAt().atZoneSameInstant(clock.getZone())
                    .toLocalDateTime().withNano(0).toString().replace('T', ' ') + " 由 " + withdrawn.withdrawnBy()
                    + " 撤回，无需再次撤回。");
        }
        return entry(caseNumber, id);
    }

    /** The uploader, who may have filed the wrong file, or a leader. */
    static boolean mayWithdraw(CurrentUser user, EvidenceEntry entry) {
        return user.id().equals(entry.uploadedBy()) || user.isMemberOf(Groups.LEADERS);
    }

    private CaseRecord readable(CurrentUser user, String caseNumber) {
        return cases.find(user, caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "没有编号为 " + caseNumber + " 的案件，或您无权查看该案件"));
    }

    private EvidenceEntry entry(String caseNumber, long id) {
        return evidence.find(caseNumber, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "案件 " + caseNumber + " 没有编号为 " + id + " 的证据材料。"));
    }

    /** The step the file belongs to, checking that this user may attach to it. */
    private CaseSteps.Step step(CurrentUser user, CaseRecord record, String sentTaskId, String sentStepKey) {
        String taskId = blankToNull(sentTaskId);
        String stepKey = blankToNull(sentStepKey);
        if (taskId != null) {
            Task task = steps.openTask(record, taskId).orElseThrow(() -> badRequest("任务 " + taskId
                    + " 不是案件 " + record.caseNumber() + " 的待办任务（可能已经办结）：请刷新页面后重新选择环节。"));
            if (stepKey != null && !stepKey.equals(task.getTaskDefinitionKey())) {
                throw badRequest("任务 " + taskId + " 属于环节 " + task.getTaskDefinitionKey() + "，与所填环节 " + stepKey
                        + " 不符：只填其中一项即可。");
            }
            if (!steps.holds(user, task)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "任务“" + task.getName()
                        + "”不在您的待办中，只有办理该任务的人可以为它添加证据材料。");
            }
            return new CaseSteps.Step(task.getTaskDefinitionKey(), task.getName(), task.getId());
        }
        if (stepKey == null) {
            throw badRequest("请注明证据材料所属的环节：taskId（您的待办任务）或 step（环节，如 verifyCase）。");
        }
        Map<String, String> route = steps.ofRoute(record);
        if (!route.containsKey(stepKey)) {
            throw badRequest("案件 " + record.caseNumber() + " 的办理流程中没有环节 " + stepKey + "，可选："
                    + String.join("、", route.keySet()) + "。");
        }
        if (!CaseSteps.worksOn(user, record)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有承办本案的案件监督管理室、案件审理室、委领导和"
                    + "本片区监督检查组可以为环节添加证据材料；为自己的待办任务添加时请注明 taskId。");
        }
        return new CaseSteps.Step(stepKey, route.get(stepKey), null);
    }

    private static String fileName(String sent) {
        if (sent == null || sent.isBlank()) {
            throw badRequest("请在 file 字段上传一个文件（multipart/form-data），并带上文件名。");
        }
        // Some browsers send the whole path of the file on the uploader's computer.
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.length() > FILE_NAME || !PlainText.Check.accepts(name)) {
            throw badRequest("文件名须为 1 到 " + FILE_NAME + " 个字符，且不能含控制字符：请改名后重新上传。");
        }
        return name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
