package cn.jiandu.evidence;

import cn.jiandu.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
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
 * The evidence of a rectification: upload (multipart, to an open task of it), list, download and withdraw,
 * as for a case (docs/security.md, "Evidence"). Nothing is ever deleted.
 */
@RestController
@RequestMapping("/api/rectifications/{number}/evidence")
class RectificationEvidenceController {

    private static final String NUMBER = "整改编号不能超过 20 个字符，格式如 ZG-2026-00001";

    record Listing(String rectificationNumber, List<EvidenceEntry> evidence) {
    }

    private final RectificationEvidence filing;

    RectificationEvidenceController(RectificationEvidence filing) {
        this.filing = filing;
    }

    @PostMapping
    ResponseEntity<EvidenceEntry> upload(@PathVariable @Size(max = 20, message = NUMBER) String number,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String description,
            @RequestParam(required = false) String taskId, @RequestParam(required = false) String step,
            Authentication authentication) {
        if (file == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "请以 multipart/form-data 上传，文件放在 file 字段；可另附 description（说明）和 taskId 或 step（所属任务）。");
        }
        EvidenceEntry stored = filing.upload(CurrentUser.of(authentication), number, new EvidenceFiling.Upload(
                file.getOriginalFilename(), file.getContentType(), EvidenceController.bytesOf(file), description,
                taskId, step));
        return ResponseEntity.created(URI.create("/api/rectifications/" + number + "/evidence/" + stored.id()))
                .body(stored);
    }

    @GetMapping
    Listing list(@PathVariable @Size(max = 20, message = NUMBER) String number, Authentication authentication) {
        return new Listing(number, filing.list(CurrentUser.of(authentication), number));
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable @Size(max = 20, message = NUMBER) String number,
            @PathVariable long id, Authentication authentication, HttpServletResponse response) {
        return EvidenceController.download(filing.download(CurrentUser.of(authentication), number, id), response);
    }

    @PostMapping("/{id}/withdrawal")
    EvidenceEntry withdraw(@PathVariable @Size(max = 20, message = NUMBER) String number, @PathVariable long id,
            @Valid @RequestBody EvidenceController.WithdrawalRequest request, Authentication authentication) {
        return filing.withdraw(CurrentUser.of(authentication), number, id, request.reason());
    }
}
