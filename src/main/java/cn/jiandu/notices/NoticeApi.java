package cn.jiandu.notices;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import cn.jiandu.system.PlainText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /api/notices: the published notices as JSON for anyone. POST /api/notices/{id}/withdraw: leaders
 * take a notice down, with a reason that stays on record.
 */
@RestController
@RequestMapping("/api/notices")
class NoticeApi {

    record WithdrawRequest(String reason) {
    }

    static final int MAX_REASON = 2000;

    private final PublicNotices notices;
    private final ObjectWriter htmlSafeJson;

    NoticeApi(PublicNotices notices, ObjectMapper objectMapper) {
        this.notices = notices;
        this.htmlSafeJson = objectMapper.writer().with(new HtmlSafeJson());
    }

    @GetMapping
    ResponseEntity<String> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) throws JsonProcessingException {
        if (page < 0 || size < 1 || size > 100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page 不能小于 0，size 须在 1 到 100 之间");
        }
        // Written here rather than by the message converter, so that the website may embed it in a page as is.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(htmlSafeJson.writeValueAsString(notices.page(page, size)));
    }

    @PostMapping("/{id}/withdraw")
    PublicNotices.Withdrawal withdraw(@PathVariable long id, @RequestBody WithdrawRequest request,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isMemberOf(Groups.LEADERS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有委领导可以撤回通报");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请填写撤回理由");
        }
        if (reason.length() > MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "撤回理由不能超过 " + MAX_REASON + " 个字");
        }
        if (!PlainText.Check.accepts(reason)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "撤回理由不能含有换行、制表符以外的控制字符或无效的 Unicode 字符");
        }
        return notices.withdraw(id, user.id(), reason);
    }
}
