package cn.jiandu.publicreport;

import cn.jiandu.identity.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** GET /api/cases/{caseNumber}/public-additions: what the reporter added with the code, to whoever may read the case. */
@RestController
class PublicReportAdditions {

    private final ReportAdditions additions;

    PublicReportAdditions(ReportAdditions additions) {
        this.additions = additions;
    }

    @GetMapping("/api/cases/{caseNumber}/public-additions")
    List<ReportAdditions.Addition> additions(@PathVariable String caseNumber, Authentication authentication) {
        return additions.of(CurrentUser.of(authentication), caseNumber).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "没有编号为 " + caseNumber + " 的案件，或您无权查看该案件"));
    }
}
