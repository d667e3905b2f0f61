package cn.jiandu.notices;

import java.time.Clock;
import cn.jiandu.system.ConflictException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** What the public may read of the notices, and their withdrawal by leaders. */
@Service
class PublicNotices {

    record Withdrawal(long id, OffsetDateTime withdrawnAt, String withdrawnBy, String reason) {
    }

    private final NoticeRepository notices;
    private final Clock clock;

    PublicNotices(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    NoticePage page(int page, int size) {
        long total = notices.countPublished();
        return NoticePage.of(notices.published(page, size).stream().map(n -> NoticeView.of(n, clock.getZone())).toList(),
                page, size, total);
    }

    long count() {
        return notices.countPublished();
    }

    Optional<NoticeView> find(long id) {
        return notices.findPublished(id).map(n -> NoticeView.of(n, clock.getZone()));
    }

    @Transactional
    Withdrawal withdraw(long id, String userId, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (notices.withdraw(id, userId, reason, now)) {
            return new Withdrawal(id, now, userId, reason);
        }
        if (notices.exists(id)) {
            throw new ConflictException("通报 " + id + " 已经撤回，无需再次撤回");
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的通报");
    }
}
