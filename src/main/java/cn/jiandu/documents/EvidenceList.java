package cn.jiandu.documents;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The evidence of a case, as the dossier lists it with each file's SHA-256. The evidence feature's ledger
 * provides it (evidence/EvidenceLedger.list, through {@link LedgerEvidence}); the dossier's tests give
 * their own list.
 */
public interface EvidenceList {

    List<Evidence> list(String caseNumber);

    /** One file of the case; {@code withdrawnAt} set when it was withdrawn (it stays in the dossier's list). */
    record Evidence(String fileName, long sizeBytes, String sha256, String description, String step,
            String uploadedBy, OffsetDateTime uploadedAt, OffsetDateTime withdrawnAt) {
    }
}
