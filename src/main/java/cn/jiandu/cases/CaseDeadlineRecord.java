package cn.jiandu.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Lets the deadlines feature keep the record's verification due date, and its one extension, current. */
@Component
public class CaseDeadlineRecord {

    private final CaseRepository cases;

    CaseDeadlineRecord(CaseRepository cases) {
        this.cases = cases;
    }

    /** Route version 1: the due date only. */
    public void verificationDueAt(String caseNumber, Date due) {
        cases.updateVerifyDueAt(caseNumber, at(due));
    }

    /** A verification period begins: no extension granted in it yet. */
    public void verificationStarted(String caseNumber, Date due) {
        cases.startVerification(caseNumber, at(due));
    }

    public void verificationExtended(String caseNumber, Date due) {
        cases.extendVerification(caseNumber, at(due));
    }

    /** Whether leaders already extended the current verification period (it is extended once at most). */
    public boolean verificationExtendedBefore(String caseNumber) {
        return cases.findByNumber(caseNumber).map(CaseRecord::verifyExtendedAt).isPresent();
    }

    private static OffsetDateTime at(Date due) {
        return OffsetDateTime.ofInstant(due.toInstant(), ZoneOffset.UTC);
    }
}
