package cn.jiandu.appeals;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.notices.CaseNotices;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;

/**
 * Carries out an approved review: the record of the appeal, the person's measure when it changes or is
 * revoked, and the case's public naming when nobody of the case remains held accountable.
 */
@Service
class AppealDecisions {

    static final String WITHDRAWAL_REASON = "问责决定经申诉复查被撤销";

    /** What leaders approved, as the review and approval steps left it. */
    record Approved(AppealOutcome outcome, Measure newMeasure, String reviewReason, String reviewedBy,
            String approvalComment, String approvedBy) {
    }

    private final AppealRepository appeals;
    private final PersonRepository persons;
    private final CaseNotices notices;
    private final Clock clock;

    AppealDecisions(AppealRepository appeals, PersonRepository persons, CaseNotices notices, Clock clock) {
        this.appeals = appeals;
        this.persons = persons;
        this.notices = notices;
        this.clock = clock;
    }

    /** Returns whether the case's notice was withdrawn. */
    boolean apply(String appealNumber, Approved approved) {
        Appeal appeal = appeals.find(appealNumber)
                .orElseThrow(() -> new IllegalStateException("no appeal " + appealNumber));
        Measure newMeasure = approved.outcome() == AppealOutcome.CHANGED ? approved.newMeasure() : null;
        boolean withdrawn = false;
        switch (approved.outcome()) {
            case UPHELD -> {
                // The decision stands as served; the appeal never suspended it.
            }
            case CHANGED -> persons.recordMeasure(appeal.caseNumber(), appeal.personPosition(), newMeasure);
            case REVOKED -> {
                persons.recordMeasure(appeal.caseNumber(), appeal.personPosition(), Measure.NONE);
                // The notice names the case's accountability as a whole: while anyone of the case is still held
                // accountable it stays (leaders can still withdraw it by hand); with nobody left it is untrue.
                if (!appeals.anyoneHeldAccountable(appeal.caseNumber())) {
                    withdrawn = notices.withdraw(appeal.caseNumber(), approved.approvedBy(), WITHDRAWAL_REASON);
                }
            }
        }
        appeals.recordDecision(appealNumber, new AppealRepository.Decision(approved.outcome(), newMeasure,
                approved.reviewReason(), approved.reviewedBy(), approved.approvalComment(), approved.approvedBy(),
                OffsetDateTime.now(clock), withdrawn));
        return withdrawn;
    }
}
