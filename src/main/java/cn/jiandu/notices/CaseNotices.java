package cn.jiandu.notices;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;

/**
 * The public notice of a case for the features that decide on the case afterwards: an appeal that
 * revokes the decision takes its public naming down, with the reason on record like a leader's withdrawal.
 */
@Service
public class CaseNotices {

    private final NoticeRepository notices;
    private final Clock clock;

    CaseNotices(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    /** Withdraws the case's published notice; false when it has none (never published, or withdrawn already). */
    public boolean withdraw(String caseNumber, String by, String reason) {
        return notices.publishedIdOfCase(caseNumber)
                .map(id -> notices.withdraw(id, by, reason, OffsetDateTime.now(clock)))
                .orElse(false);
    }
}
