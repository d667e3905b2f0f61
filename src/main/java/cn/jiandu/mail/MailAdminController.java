package cn.jiandu.mail;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.identity.Groups;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** GET /api/admin/mails: the outbox by status, newest first, with the error of the last try; administrators only. */
@RestController
@RequestMapping("/api/admin/mails")
class MailAdminController {

    private static final int MAX_PAGE_SIZE = 200;

    record MailView(long id, String kind, String caseNumber, List<String> recipients, String subject,
            MailStatus status, int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {

        static MailView of(OutboxMail mail) {
            return new MailView(mail.id(), mail.kind(), mail.caseNumber(), mail.recipients(), mail.subject(),
                    mail.status(), mail.attempts(), mail.lastError(), mail.createdAt(), mail.sentAt());
        }
    }

    record MailPage(List<MailView> content, int page, int size, long totalElements, long totalPages) {
    }

    private final OutboxTable table;

    MailAdminController(OutboxTable table) {
        this.table = table;
    }

    @GetMapping
    MailPage list(@RequestParam(required = false) MailStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        if (!CurrentUser.of(authentication).isMemberOf(Groups.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员可以查看邮件投递情况");
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page 须不小于 0，size 须在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        long total = table.count(status);
        List<MailView> content = table.page(status, (long) page * size, size).stream().map(MailView::of).toList();
        return new MailPage(content, page, size, total, (total + size - 1) / size);
    }
}
