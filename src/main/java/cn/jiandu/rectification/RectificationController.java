package cn.jiandu.rectification;

import cn.jiandu.identity.CurrentUser;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /api/rectifications/{number}: one rectification with its items and events, for those who may see it
 * (RectificationVisibility); any other number is 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/rectifications")
class RectificationController {

    static final String NUMBER = "整改编号不能超过 20 个字符，格式如 ZG-2026-00001";

    private final RectificationQueries queries;

    RectificationController(RectificationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{number}")
    RectificationView one(@PathVariable @Size(max = 20, message = NUMBER) String number,
            Authentication authentication) {
        return queries.find(CurrentUser.of(authentication), number).orElseThrow(() -> notFound(number));
    }

    /** The same answer whether the rectification does not exist or is not the reader's to see. */
    static ResponseStatusException notFound(String number) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + number + " 的整改，或您无权查看该整改");
    }
}
