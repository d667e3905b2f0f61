package cn.jiandu.evidence;

import cn.jiandu.cases.CaseRecord;
import cn.jiandu.cases.ReadableCases;
import cn.jiandu.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** /cases/{caseNumber}/evidence: the evidence panel on a page of its own, for a link or a case page without it. */
@Controller
class EvidencePage {

    private final ReadableCases cases;

    EvidencePage(ReadableCases cases) {
        this.cases = cases;
    }

    @GetMapping("/cases/{caseNumber}/evidence")
    String page(@PathVariable String caseNumber, Model model, Authentication authentication) {
        CaseRecord record = cases.find(CurrentUser.of(authentication), caseNumber).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + caseNumber + " 的案件，或您无权查看该案件"));
        model.addAttribute("caseNumber", record.caseNumber());
        model.addAttribute("title", record.title());
        return "evidence/page";
    }
}
