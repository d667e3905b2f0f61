package cn.jiandu.rectification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A rectification as the case page, the unit's history and GET /api/rectifications/{number} show it. */
public record RectificationView(
        String rectificationNumber,
        RectificationOrigin origin,
        String mode,
        String caseNumber,
        Long inspectionId,
        String zone,
        String unit,
        String unitKind,
        String problemType,
        String summary,
        RectificationState state,
        LocalDate noticeIssuedOn,
        String noticeIssuedBy,
        String requirements,
        String responsiblePerson,
        String responsiblePost,
        LocalDate deadline,
        LocalDate firstDeadline,
        boolean overdue,
        LocalDate reportedOn,
        String reportSummary,
        String checkResult,
        String checkReason,
        LocalDate checkedOn,
        int returnedCount,
        LocalDate followUpDue,
        LocalDate followUpOn,
        String followUpMode,
        String followUpResult,
        String followUpFindings,
        String escalatedCaseNumber,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt,
        List<String> items,
        List<Event> events) {

    public String originLabel() {
        return origin.label();
    }

    public String stateLabel() {
        return state.label();
    }

    public boolean onSpot() {
        return "ON_SPOT".equals(mode);
    }

    /** One row of jd_rectification_event. */
    public record Event(String kind, OffsetDateTime at, String actor, LocalDate deadline, String result,
            String note) {
    }
}
