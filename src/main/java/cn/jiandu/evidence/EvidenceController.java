package cn.jiandu.evidence;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.system.PlainText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The evidence of a case (docs/security.md, "Evidence"): upload (multipart), list, download and withdraw.
 * There is no DELETE: evidence is withdrawn, never removed.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/evidence")
class EvidenceController {

    /**
     * @param steps where the caller may attach a file now (none: they may not upload to this case)
     * @param withdrawable the ids of the entries the caller may withdraw
     */
    record Listing(String caseNumber, String maxFileSize, long maxFileSizeBytes, List<EvidenceEntry> evidence,
            List<CaseSteps.Step> steps, List<Long> withdrawable) {
    }

    record WithdrawalRequest(
            @NotBlank(message = "请填写撤回理由") @Size(max = EvidenceFiling.REASON, message = "撤回理由最多 500 个字")
            @PlainText String reason) {
    }

    private final EvidenceFiling filing;
    private final EvidenceProperties properties;

    EvidenceController(EvidenceFiling filing, EvidenceProperties properties) {
        this.filing = filing;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<EvidenceEntry> upload(@PathVariable @Size(max = 20, message = "案件编号不能超过 20 个字符")
            String caseNumber, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String description, @RequestParam(required = false) String taskId,
            @RequestParam(required = false) String step, Authentication authentication) {
        if (file == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "请以 multipart/form-data 上传，文件放在 file 字段；可另附 description（说明）和 taskId 或 step（所属环节）。");
        }
        EvidenceEntry stored = filing.upload(CurrentUser.of(authentication), caseNumber, new EvidenceFiling.Upload(
                file.getOriginalFilename(), file.getContentType(), bytesOf(file), description, taskId, step));
        return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/evidence/" + stored.id())).body(stored);
    }

    @GetMapping
    Listing list(@PathVariable @Size(max = 20, message = "案件编号不能超过 20 个字符") String caseNumber,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        List<EvidenceEntry> entries = filing.list(user, caseNumber);
        return new Listing(caseNumber, properties.maxFileSizeText(), properties.maxFileSize().toBytes(), entries,
                filing.stepsFor(user, caseNumber), entries.stream()
                        .filter(entry -> !entry.withdrawn() && EvidenceFiling.mayWithdraw(user, entry)).map(EvidenceEntry::id).toList());
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable @Size(max = 20, message = "案件编号不能超过 20 个字符")
            String caseNumber, @PathVariable long id, Authentication authentication, HttpServletResponse response) {
        return download(filing.download(CurrentUser.of(authentication), caseNumber, id), response);
    }

    @PostMapping("/{id}/withdrawal")
    EvidenceEntry withdraw(@PathVariable @Size(max = 20, message = "案件编号不能超过 20 个字符") String caseNumber,
            @PathVariable long id, @Valid @RequestBody WithdrawalRequest request, Authentication authentication) {
        return filing.withdraw(CurrentUser.of(authentication), caseNumber, id, request.reason());
    }

    /** The answer of a download: the bytes as they were received, never shown inline. */
    static ResponseEntity<byte[]> download(EvidenceRepository.Content content, HttpServletResponse response) {
        // server.servlet.encoding.force gives every answer a charset; bytes of a photo or a PDF have none.
        response.setCharacterEncoding((String) null);
        EvidenceEntry entry = content.entry();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(entry.mediaType()))
                .contentLength(content.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, Attachment.disposition(entry.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                // Never shown inline as a page of Jiandu's origin, never kept by a shared cache.
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(entry.sha256())) + ":")
                .body(content.bytes());
    }

    static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded part could not be read", e);
        }
    }
}
