package cn.jiandu.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Lets the deadlines feature keep the record's verification due date current. */
@Component
public class CaseDeadlineRecord {

    private final CaseRepository cases;

    CaseDeadlineRecord(CaseRepository cases) {
        this.cases = cases;
    }

    public void verificationDueAt(String caseNumber, Date due) {
        cases.updateVerifyDueAt(caseNumber, OffsetDateTime.ofInstant(due.toInstant(), ZoneOffset.UTC));
    }
}
