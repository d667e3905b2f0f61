package cn.jiandu.reports;

import java.time.OffsetDateTime;

/** A compiled report as jd_report holds it, with its review and sign-off. */
record Report(
        long id,
        ReportKind kind,
        String periodKey,
        OffsetDateTime periodStart,
        OffsetDateTime periodEnd,
        OffsetDateTime compiledAt,
        ReportFigures figures,
        ReportStatus status,
        String processInstanceId,
        String officeRemarks,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String signOffComment,
        String signedBy,
        OffsetDateTime signedAt,
        OffsetDateTime mailedAt) {
}
