package cn.jiandu.evidence;

import cn.jiandu.cases.ReadableCases;
import cn.jiandu.identity.CurrentUser;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence of a case for other features (the dossier, the case page): every file in the order it
 * was received, withdrawn ones included and marked, with its SHA-256. Never the bytes.
 */
@Component
@Transactional(readOnly = true)
public class EvidenceLedger {

    private final EvidenceRepository evidence;
    private final ReadableCases cases;

    EvidenceLedger(EvidenceRepository evidence, ReadableCases cases) {
        this.evidence = evidence;
        this.cases = cases;
    }

    /**
     * Every evidence entry of the case; empty for a case without any (or without a record). It checks no
     * one's right to read the case: call it for a reader already allowed the case, or use {@link #listFor}.
     */
    public List<EvidenceEntry> list(String caseNumber) {
        return evidence.list(caseNumber);
    }

    /** The entries for this reader; empty when the case does not exist or they may not read it. */
    public Optional<List<EvidenceEntry>> listFor(CurrentUser reader, String caseNumber) {
        return cases.find(reader, caseNumber).map(record -> evidence.list(record.caseNumber()));
    }
}
