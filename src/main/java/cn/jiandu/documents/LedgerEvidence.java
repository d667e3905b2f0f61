package cn.jiandu.documents;

import cn.jiandu.evidence.EvidenceLedger;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The dossier's evidence list from the evidence feature's ledger: every file in upload order, a
 * withdrawn one with the time it was withdrawn (it stays in the dossier's list). Visibility is the
 * dossier's: CaseDocuments reads a case only for those who may see it.
 */
@Component
class LedgerEvidence implements EvidenceList {

    private final EvidenceLedger ledger;

    LedgerEvidence(EvidenceLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<Evidence> list(String caseNumber) {
        return ledger.list(caseNumber).stream()
                .map(e -> new Evidence(e.fileName(), e.sizeBytes(), e.sha256(), e.description(), e.stepName(),
                        e.uploadedBy(), e.uploadedAt(), e.withdrawn() ? e.withdrawnAt() : null))
                .toList();
    }
}
