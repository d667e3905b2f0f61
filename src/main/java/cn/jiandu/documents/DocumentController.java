package cn.jiandu.documents;

import cn.jiandu.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * GET /api/cases/{n}/documents lists the documents of a case and whether the case has reached each;
 * /documents/{kind}.docx is one as a Word file, /dossier.pdf the whole dossier. Visibility as for
 * GET /api/cases/{n}: a case the caller may not read is 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}")
class DocumentController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final String CASE_NUMBER = "案件编号不能超过 20 个字符，格式如 JD-2026-00001";

    private final CaseDocuments documents;

    DocumentController(CaseDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/documents")
    List<CaseDocuments.Listed> list(@PathVariable @Size(max = 20, message = CASE_NUMBER) String caseNumber,
            Authentication authentication) {
        return documents.list(CurrentUser.of(authentication), caseNumber);
    }

    @GetMapping("/documents/{kind}.docx")
    ResponseEntity<byte[]> document(@PathVariable @Size(max = 20, message = CASE_NUMBER) String caseNumber,
            @PathVariable @Size(max = 40, message = "文书种类不能超过 40 个字符") String kind,
            Authentication authentication, HttpServletResponse response) {
        Document document = documents.document(CurrentUser.of(authentication), caseNumber, kind);
        return file(response, documents.docx(document), DOCX, caseNumber + "-" + kind + ".docx",
                caseNumber + " " + document.kind().title() + ".docx");
    }

    @GetMapping("/dossier.pdf")
    ResponseEntity<byte[]> dossier(@PathVariable @Size(max = 20, message = CASE_NUMBER) String caseNumber,
            Authentication authentication, HttpServletResponse response) {
        byte[] pdf = documents.dossier(CurrentUser.of(authentication), caseNumber);
        return file(response, pdf, MediaType.APPLICATION_PDF, caseNumber + "-dossier.pdf", caseNumber + " 案件卷宗.pdf");
    }

    /**
     * An attachment named in ASCII for old clients and in UTF-8 Chinese (RFC 6266) for the rest. The
     * character encoding every response is forced to (server.servlet.encoding.force) is taken off: a
     * binary file has none.
     */
    private static ResponseEntity<byte[]> file(HttpServletResponse response, byte[] body, MediaType type, String asciiName, String name) {
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                        + UriUtils.encode(name, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
