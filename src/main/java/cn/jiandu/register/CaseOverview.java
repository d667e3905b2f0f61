package cn.jiandu.register;

import cn.jiandu.appeals.Appeal;
import cn.jiandu.cases.CaseView;
import cn.jiandu.documents.CaseDocuments;
import cn.jiandu.notices.CaseNamings;
import cn.jiandu.publicreport.ReportAdditions;
import cn.jiandu.rectification.RectificationView;
import java.util.List;
import java.util.Map;

/**
 * Everything the case page shows of one case: the case as GET /api/cases/{caseNumber} shows it to this
 * reader, where it was named publicly, its appeals, its documents, the names of the officers in its
 * timeline, its rectifications (整改督办), and what the reporter of a public report added later with the query code
 * (time and text only). (Its evidence the page shows through the evidence panel, which reads its own API.)
 */
record CaseOverview(CaseView view, List<CaseNamings.Naming> namings, List<Appeal> appeals,
        List<CaseDocuments.Listed> documents, Map<String, String> officers, List<RectificationView> rectifications,
        List<ReportAdditions.Addition> additions) {

    /** The rectifications this case's decision or exemption asked for (not one it was escalated from). */
    public List<RectificationView> ownRectifications() {
        return rectifications.stream().filter(r -> view.caseNumber().equals(r.caseNumber())).toList();
    }

    /** The rectification whose failure opened this case (由整改督办转立案), if it was opened so. */
    public java.util.Optional<RectificationView> escalatedFrom() {
        return rectifications.stream().filter(r -> view.caseNumber().equals(r.escalatedCaseNumber())).findFirst();
    }

    /** The officer's name and user id, or the id alone when the user is gone. */
    public String officer(String userId) {
        if (userId == null) {
            return "";
        }
        String name = officers.get(userId);
        return name == null ? userId : name + "（" + userId + "）";
    }
}
