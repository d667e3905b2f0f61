package cn.jiandu.cases;

import java.time.OffsetDateTime;

/** What registerCase stores of a new report. */
record NewCase(
        String caseNumber,
        String processInstanceId,
        String title,
        String description,
        String source,
        String unit,
        String personsInvolved,
        boolean anonymous,
        ReporterIdentity reporter,
        String reportedBy,
        String problemType,
        String zone,
        String possibleDuplicateOf,
        String idempotencyKey,
        String requestHash,
        OffsetDateTime reportedAt) {
}
