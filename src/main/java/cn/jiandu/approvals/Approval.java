package cn.jiandu.approvals;

import cn.jiandu.cases.CaseView;
import java.util.Date;

/**
 * A leader's open approval of a case as the phone page shows it: the task, the Boolean it decides and
 * the case as its reader may see it.
 *
 * @param decision the variable the step's gateway reads (disposalApproved, …)
 * @param returnsTo what 退回 does, in words
 */
record Approval(String taskId, String step, String taskName, String decision, String returnsTo, Date created,
        CaseView caseView) {
}
