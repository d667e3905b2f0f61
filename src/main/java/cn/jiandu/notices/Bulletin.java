package cn.jiandu.notices;

import java.time.OffsetDateTime;

/** One bulletin as jd_bulletin records it; approvedBy and publishedAt are null until it is published. */
record Bulletin(
        long id,
        String processInstanceId,
        BulletinStatus status,
        String title,
        String body,
        String approvedBy,
        OffsetDateTime publishedAt) {

    enum BulletinStatus { DRAFT, PUBLISHED, CANCELLED }

    /** A case the bulletin names; withdrawn when the case's decision was revoked on appeal. */
    record NamedCase(int position, String caseNumber, OffsetDateTime withdrawnAt, String withdrawnReason) {

        boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** What a bulletin reads of a case's record (jd_case). */
    record CaseFacts(String caseNumber, String title, String unit, String problemType, String findings,
            String description, String stage, Boolean typicalCase, String unitMeasure) {

        /** The facts as found (route version 2: verification's findings), else as reported. */
        String facts() {
            return findings != null && !findings.isBlank() ? findings.strip() : description.strip();
        }
    }
}
