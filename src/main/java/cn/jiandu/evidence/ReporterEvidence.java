package cn.jiandu.evidence;

import cn.jiandu.system.PlainText;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evidence a citizen sends with a report on the public page: photos or one PDF, judged from their bytes by
 * the same FileTypeCheck as officers' uploads. Checked before anything is written; filed with the case in the
 * report's own transaction, under the step 群众举报.
 */
@Service
public class ReporterEvidence {

    /** A file as the browser sent it; nothing of it is trusted. */
    public record Sent(String fileName, String declaredType, byte[] bytes) {
    }

    /** A file that passed the checks: its name, the type its bytes have, its bytes. */
    public record Checked(String fileName, String mediaType, byte[] bytes) {
    }

    static final String STEP_KEY = "publicReport";
    static final String STEP_NAME = "群众举报";
    private static final Set<EvidenceType> ACCEPTED = Set.of(EvidenceType.JPEG, EvidenceType.PNG, EvidenceType.HEIC,
            EvidenceType.PDF);
    private static final String ACCEPTED_TEXT = "可上传照片（JPG、PNG、HEIC）或 PDF 文件";

    private final FileTypeCheck types;
    private final EvidenceRepository evidence;
    private final Clock clock;

    ReporterEvidence(FileTypeCheck types, EvidenceRepository evidence, Clock clock) {
        this.types = types;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The files that may be filed, or a refusal (400, 413, 415) saying in Chinese what to change. */
    public List<Checked> check(List<Sent> files, int maxFiles, long maxBytes, String maxText) {
        List<Sent> sent = files.stream().filter(file -> file.bytes().length > 0 || !blank(file.fileName())).toList();
        if (sent.size() > maxFiles) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "最多可上传 " + maxFiles + " 个文件，您选择了 " + sent.size() + " 个：请删去一些后再提交。");
        }
        List<Checked> checked = new ArrayList<>();
        for (Sent file : sent) {
            String name = fileName(file.fileName());
            if (file.bytes().length > maxBytes) {
                throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "文件 " + name + " 超过 " + maxText + " 的上限：请压缩照片或拆分文件后再提交。");
            }
            EvidenceType type = types.check(file.bytes(), name, file.declaredType());
            if (!ACCEPTED.contains(type)) {
                throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "文件 " + name + " 是" + type.label() + "：" + ACCEPTED_TEXT + "。");
            }
            checked.add(new Checked(name, type.mediaType(), file.bytes()));
        }
        return checked;
    }

    /** Files checked files to the case, in the caller's transaction (the report's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void file(String caseNumber, String uploadedBy, List<Checked> files) {
        for (Checked file : files) {
            EvidenceType type = EvidenceType.ofMediaType(file.mediaType()).orElseThrow();
            evidence.insert(new EvidenceRepository.NewEvidence(caseNumber, file.fileName(), type,
                    EvidenceFiling.sha256(file.bytes()), "举报人随举报提交", STEP_KEY, STEP_NAME, null, uploadedBy,
                    OffsetDateTime.now(clock)), file.bytes());
        }
    }

    private static String fileName(String sent) {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.length() > EvidenceFiling.FILE_NAME || !PlainText.Check.accepts(name)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "文件名须为 1 到 " + EvidenceFiling.FILE_NAME + " 个字符，且不能含控制字符：请改名后重新选择。");
        }
        return name;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
