package cn.jiandu.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public naming of a case for the features that decide on the case afterwards: an appeal that
 * revokes the decision takes it down, with the reason on record like a leader's withdrawal: the case's
 * own notice (route version 1), and its entry in every bulletin that names it (route version 2).
 */
@Service
public class CaseNotices {

    private final NoticeRepository notices;
    private final BulletinRepository bulletins;
    private final Clock clock;

    CaseNotices(NoticeRepository notices, BulletinRepository bulletins, Clock clock) {
        this.notices = notices;
        this.bulletins = bulletins;
        this.clock = clock;
    }

    /** Withdraws the case's public naming; false when it has none (never published, or withdrawn already). */
    @Transactional
    public boolean withdraw(String caseNumber, String by, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean notice = notices.publishedIdOfCase(caseNumber)
                .map(id -> notices.withdraw(id, by, reason, now))
                .orElse(false);
        boolean bulletin = bulletins.withdrawCase(caseNumber, by, reason, now);
        return notice || bulletin;
    }
}
