package cn.jiandu.evidence;

import java.time.OffsetDateTime;

/**
 * One evidence file of a case as its record holds it (not its bytes): what the case page lists and the
 * dossier's log prints. A withdrawn file stays an entry, with who withdrew it, when and why.
 *
 * @param mediaType the type detected from the bytes, such as image/jpeg
 * @param typeLabel that type as people read it (JPEG 照片)
 * @param sha256 SHA-256 of the bytes as Jiandu received them, lower-case hex
 * @param stepKey the step of the route it belongs to (a user task's id such as verifyCase)
 * @param taskId the open task it was attached to, or null when attached to the step
 * @param rectificationNumber the rectification it was filed to (the unit's report back, a follow-up), if any
 */
public record EvidenceEntry(
        long id,
        String caseNumber,
        String fileName,
        String mediaType,
        String typeLabel,
        long sizeBytes,
        String sha256,
        String description,
        String stepKey,
        String stepName,
        String taskId,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        boolean withdrawn,
        String withdrawnBy,
        OffsetDateTime withdrawnAt,
        String withdrawnReason,
        String rectificationNumber) {
}
