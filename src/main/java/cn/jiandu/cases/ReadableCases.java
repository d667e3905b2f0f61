package cn.jiandu.cases;

import cn.jiandu.identity.CurrentUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The case API's visibility rule (CaseVisibility) for features that hang off a case, such as its
 * evidence: what they show of a case reaches exactly those who may read the case, and a case one may
 * not read is answered as one that does not exist.
 */
@Component
public class ReadableCases {

    private final CaseRepository cases;

    ReadableCases(CaseRepository cases) {
        this.cases = cases;
    }

    /** The case if it exists and the user may read it; empty in both other cases alike. */
    public Optional<CaseRecord> find(CurrentUser user, String caseNumber) {
        return caseNumber == null ? Optional.empty()
                : cases.findByNumber(caseNumber).filter(record -> CaseVisibility.canRead(user, record));
    }
}
