package cn.jiandu.documents;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.rectification.RectificationQueries;
import cn.jiandu.rectification.RectificationView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * GET /api/rectifications/{number}/notice.docx: the 整改通知书 as a Word file, for those who may see the
 * rectification (404 otherwise, and 404 with a reason until the notice is issued).
 */
@RestController
class RectificationNoticeController {

    private final RectificationQueries rectifications;
    private final RectificationNotice notice;

    RectificationNoticeController(RectificationQueries rectifications,
            @Value("${jiandu.documents.commission:区纪委监委}") String commission) {
        this.rectifications = rectifications;
        this.notice = new RectificationNotice(commission);
    }

    @GetMapping("/api/rectifications/{number}/notice.docx")
    ResponseEntity<byte[]> notice(@PathVariable @Size(max = 20, message = "整改编号不能超过 20 个字符，格式如 ZG-2026-00001")
            String number, Authentication authentication, HttpServletResponse response) {
        RectificationView rectification = rectifications.find(CurrentUser.of(authentication), number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "没有编号为 " + number + " 的整改，或您无权查看该整改"));
        if (rectification.noticeIssuedOn() == null || rectification.onSpot()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "整改 " + number + " 还没有《整改通知书》："
                    + (rectification.onSpot() ? "当场整改的问题不下发整改通知书" : "须在检查组下发整改通知之后才能生成"));
        }
        byte[] docx = DocxWriter.write(notice.draft(rectification));
        response.setCharacterEncoding((String) null);
        return ResponseEntity.ok().contentType(DocumentController.DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + "-notice.docx\"; "
                        + "filename*=UTF-8''" + UriUtils.encode(number + " 整改通知书.docx", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(docx);
    }
}
