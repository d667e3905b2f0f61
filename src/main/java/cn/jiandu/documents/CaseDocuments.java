package cn.jiandu.documents;

import cn.jiandu.cases.CaseFiles;
import cn.jiandu.cases.CaseFiles.CaseFile;
import cn.jiandu.identity.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The documents of one case and its dossier, for whoever may read the case (cases/CaseVisibility, through
 * CaseFiles): a case that does not exist or is not the caller's to read, and a document the case has not
 * reached, are both "not found", with a message saying which.
 */
@Service
public class CaseDocuments {

    /** A line of GET /api/cases/{n}/documents. */
    public record Listed(String kind, String title, boolean available, String href, String availableAfter) {
    }

    private final CaseFiles files;
    private final EvidenceList evidence;
    private final Clock clock;
    private final Drafts drafts;
    private final DecisionDrafts decisions;
    private final DossierPdf dossier;

    CaseDocuments(CaseFiles files, EvidenceList evidence, Clock clock,
            @Value("${jiandu.documents.commission:区纪委监委}") String commission) {
        this.files = files;
        this.evidence = evidence;
        this.clock = clock;
        this.drafts = new Drafts(commission, clock.getZone());
        this.decisions = new DecisionDrafts(commission, clock.getZone());
        this.dossier = new DossierPdf(commission, clock.getZone());
    }

    /** The documents of the case, each with whether the case has reached it; 404 for a case out of reach. */
    public List<Listed> list(CurrentUser user, String caseNumber) {
        CaseFile file = readable(user, caseNumber);
        return Arrays.stream(DocumentKind.values()).map(kind -> new Listed(kind.slug(), kind.title(),
                reached(file, kind), "/api/cases/" + caseNumber + "/documents/" + kind.slug() + ".docx",
                kind.reachedWhen())).toList();
    }

    /** The Word file of one document, and its name as the commission would file it. */
    Document document(CurrentUser user, String caseNumber, String slug) {
        CaseFile file = readable(user, caseNumber);
        DocumentKind kind = DocumentKind.bySlug(slug).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "没有名为 " + slug + " 的文书，可用的有："
                + String.join("、", Arrays.stream(DocumentKind.values()).map(k -> k.slug() + "（" + k.title() + "）")
                        .toList())));
        if (!reached(file, kind)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "案件 " + caseNumber + " 还没有《" + kind.title()
                    + "》：须在" + kind.reachedWhen() + "之后才能生成（案件当前阶段：" + Texts.stage(file.record().stage()) + "）");
        }
        return draft(file, kind);
    }

    byte[] docx(Document document) {
        return DocxWriter.write(document);
    }

    byte[] dossier(CurrentUser user, String caseNumber) {
        CaseFile file = readable(user, caseNumber);
        List<Document> reachedDocuments = Arrays.stream(DocumentKind.values()).filter(kind -> reached(file, kind))
                .map(kind -> draft(file, kind)).toList();
        return dossier.write(file, reachedDocuments, evidence.list(caseNumber), OffsetDateTime.now(clock));
    }

    static boolean reached(CaseFile file, DocumentKind kind) {
        return switch (kind) {
            case DISPOSAL_APPROVAL -> file.finished("approveDisposal").isPresent();
            case INQUIRY_LETTER -> file.reached("inquireCase");
            case VERIFICATION_REPORT -> file.finished("verifyCase").isPresent()
                    && file.record().verificationOutcome() != null;
            case ACCOUNTABILITY_DECISION -> file.finished("decideAccountability").isPresent();
            case HANDOVER -> file.handOver().isPresent();
        };
    }

    private Document draft(CaseFile file, DocumentKind kind) {
        return switch (kind) {
            case DISPOSAL_APPROVAL -> drafts.disposalApproval(file);
            case INQUIRY_LETTER -> drafts.inquiryLetter(file);
            case VERIFICATION_REPORT -> drafts.verificationReport(file);
            case ACCOUNTABILITY_DECISION -> decisions.accountabilityDecision(file);
            case HANDOVER -> decisions.handOver(file);
        };
    }

    private CaseFile readable(CurrentUser user, String caseNumber) {
        return files.readable(user, caseNumber).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "没有编号为 " + caseNumber + " 的案件，或您无权查看该案件"));
    }
}
