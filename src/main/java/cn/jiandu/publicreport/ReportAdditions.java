package cn.jiandu.publicreport;

import cn.jiandu.cases.ReadableCases;
import cn.jiandu.identity.CurrentUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a reporter added to a public report later, with the query code: its time and text, never who wrote it.
 * For those who may read the case (cases/CaseVisibility) only; for anyone else the case has no additions to
 * show, as if it did not exist.
 */
@Service
public class ReportAdditions {

    public record Addition(long id, String text, OffsetDateTime addedAt) {
    }

    private final ReadableCases cases;
    private final PublicReportRepository reports;

    ReportAdditions(ReadableCases cases, PublicReportRepository reports) {
        this.cases = cases;
        this.reports = reports;
    }

    /** The additions, oldest first, if the reader may read the case; empty if not (or if there is no such case). */
    public Optional<List<Addition>> of(CurrentUser reader, String caseNumber) {
        return cases.find(reader, caseNumber).map(readable -> reports.additions(caseNumber).stream()
                .map(added -> new Addition(added.id(), added.text(), added.addedAt())).toList());
    }
}
