package cn.jiandu.appeals;

import cn.jiandu.accountability.Measure;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One appeal as jd_appeal records it; outcome and what follows are null until leaders approve the review. */
public record Appeal(
        long id,
        String appealNumber,
        String caseNumber,
        long personId,
        int personPosition,
        String personName,
        Measure appealedMeasure,
        LocalDate servedOn,
        LocalDate receivedOn,
        String appealReason,
        OffsetDateTime decisionDueAt,
        AppealOutcome outcome,
        Measure newMeasure,
        String reviewReason,
        String reviewedBy,
        String approvedBy,
        OffsetDateTime decidedAt,
        Boolean noticeWithdrawn,
        String processInstanceId) {

    /** The measure in force after the review: the new one, none, or the one appealed against. */
    public Measure measureInForce() {
        if (outcome == null || outcome == AppealOutcome.UPHELD) {
            return appealedMeasure;
        }
        return outcome == AppealOutcome.REVOKED ? Measure.NONE : newMeasure;
    }
}
