package cn.jiandu.register;

import cn.jiandu.appeals.CaseAppeals;
import cn.jiandu.cases.CaseQueries;
import cn.jiandu.cases.CaseView;
import cn.jiandu.documents.CaseDocuments;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.notices.CaseNamings;
import cn.jiandu.publicreport.ReportAdditions;
import cn.jiandu.rectification.RectificationQueries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Puts a case page together, only after the case's own visibility rule allowed the reader (CaseQueries.detail). */
@Service
class CaseOverviews {

    private final CaseQueries cases;
    private final CaseNamings namings;
    private final CaseAppeals appeals;
    private final CaseDocuments documents;
    private final IdentityService identity;
    private final RectificationQueries rectifications;
    private final ReportAdditions additions;

    CaseOverviews(CaseQueries cases, CaseNamings namings, CaseAppeals appeals, CaseDocuments documents,
            IdentityService identity, RectificationQueries rectifications, ReportAdditions additions) {
        this.rectifications = rectifications;
        this.additions = additions;
        this.documents = documents;
        this.cases = cases;
        this.namings = namings;
        this.appeals = appeals;
        this.identity = identity;
    }

    Optional<CaseOverview> find(CurrentUser reader, String caseNumber) {
        return cases.detail(reader, caseNumber).map(view -> new CaseOverview(view, namings.of(view.caseNumber()),
                appeals.of(view.caseNumber()), documents.list(reader, view.caseNumber()), officers(view),
                rectifications.ofCase(view.caseNumber()),
                additions.of(reader, view.caseNumber()).orElse(List.of())));
    }

    private Map<String, String> officers(CaseView view) {
        String[] ids = view.timeline().stream().map(CaseView.TimelineEntry::by).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        Map<String, String> names = new HashMap<>();
        if (ids.length > 0) {
            for (User user : identity.createUserQuery().userIdIn(ids).list()) {
                String name = ((user.getLastName() == null ? "" : user.getLastName())
                        + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
                if (!name.isEmpty()) {
                    names.put(user.getId(), name);
                }
            }
        }
        return names;
    }
}
