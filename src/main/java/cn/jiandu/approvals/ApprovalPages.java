package cn.jiandu.approvals;

import cn.jiandu.identity.CurrentUser;
import cn.jiandu.mail.TaskLinks;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The leader's approval on one page, made for a phone (/approvals/{taskId}, the link of an approval
 * mail): the case's facts, its persons with their measures, the reasons so far, and 同意 / 退回 with the
 * reason. The page posts to /api/approvals/{taskId} with the session and its X-XSRF-TOKEN.
 */
@Controller
class ApprovalPages {

    private final LeaderApprovals approvals;

    ApprovalPages(LeaderApprovals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/approvals/{taskId}")
    ModelAndView page(@PathVariable String taskId, Authentication authentication) {
        return approvals.find(CurrentUser.of(authentication), taskId)
                .map(approval -> new ModelAndView("approvals/approve")
                        .addObject("a", approval)
                        .addObject("c", approval.caseView())
                        .addObject("tasklistLink", TaskLinks.taskPath(approval.taskId())))
                .orElseGet(() -> new ModelAndView("approvals/missing", HttpStatus.NOT_FOUND));
    }

    /** 同意 (approved true) or 退回 (false) with the reason; answered with where the case is now shown. */
    @PostMapping(path = "/api/approvals/{taskId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, String> decide(@PathVariable String taskId, @RequestBody Decision decision,
            Authentication authentication) {
        String caseNumber = approvals.decide(CurrentUser.of(authentication), taskId, decision.approved(),
                decision.comment());
        return Map.of("caseNumber", caseNumber, "casePage", "/cases/" + caseNumber);
    }

    record Decision(Boolean approved, String comment) {
    }
}
