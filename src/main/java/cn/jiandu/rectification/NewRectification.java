package cn.jiandu.rectification;

/**
 * A rectification to start, as its source knows it. {@code caseNumber} is set for DECISION and
 * EXEMPTION; {@code inspectionId}/{@code findingId} for INSPECTION. {@code unitKind} and
 * {@code problemType} are enum names or null; {@code deadlineDays} is the team's "within N days"
 * from an inspection (null: the team sets the deadline in the notice).
 */
public record NewRectification(RectificationOrigin origin, String caseNumber, Long inspectionId, Long findingId,
        String zone, String unit, String unitKind, String problemType, String summary, Integer deadlineDays,
        String requestedBy) {
}
