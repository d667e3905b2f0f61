package cn.jiandu.rectification;

import cn.jiandu.cases.NonRectificationReporting;
import cn.jiandu.common.Vars;
import cn.jiandu.rectification.RectificationEnums.FollowUpResult;
import cn.jiandu.rectification.RectificationRepository.Stored;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * openRectificationCase: the unit did not rectify (leaders decided so on an overdue rectification, or the
 * follow-up check found the problem back), so a case for 整改不实不力 is opened against the person
 * responsible for rectifying, and the rectification ends linked to it. Run again (a retry, a move in
 * Cockpit), it opens nothing new.
 */
@Component("openRectificationCaseDelegate")
class OpenRectificationCaseDelegate implements JavaDelegate {

    private static final DateTimeFormatter DAY = StepAnswers.DAY;

    private final RectificationRepository record;
    private final RectificationQueries queries;
    private final NonRectificationReporting reporting;
    private final HistoryService history;
    private final Clock clock;

    OpenRectificationCaseDelegate(RectificationRepository record, RectificationQueries queries,
            NonRectificationReporting reporting, HistoryService history, Clock clock) {
        this.record = record;
        this.queries = queries;
        this.reporting = reporting;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Stored stored = record.find(execution.getProcessBusinessKey()).orElseThrow();
        if (stored.escalatedCaseNumber() != null) {
            execution.setVariable("escalatedCaseNumber", stored.escalatedCaseNumber());
            return;
        }
        RectificationView view = queries.byNumber(stored.number()).orElseThrow();
        boolean relapsed = FollowUpResult.RELAPSED.name().equals(Vars.string(execution, "followUpResult"));
        String reportedBy = relapsed ? followUpBy(view) : lastOverdueReviewer(execution);
        String caseNumber = reporting.report(new NonRectificationReporting.Referral(view.rectificationNumber(),
                !relapsed, "整改不实不力：" + view.unit(), description(view, relapsed, relapsed ? null : Vars.string(execution, "overdueComment")), view.unit(),
                person(view), view.zone(), reportedBy));
        record.escalate(stored.id(), caseNumber, OffsetDateTime.now(clock));
        record.addEvent(stored.id(), "ESCALATED", OffsetDateTime.now(clock), reportedBy, null, null,
                "已立案追究整改不实不力，案件编号 " + caseNumber);
        execution.setVariable("escalatedCaseNumber", caseNumber);
    }

    private String followUpBy(RectificationView view) {
        return view.events().stream().filter(e -> "FOLLOWED_UP".equals(e.kind())).reduce((a, b) -> b)
                .map(RectificationView.Event::actor).orElse(null);
    }

    /** The leader who decided to open the case: the last completed overdue review, as the engine recorded it. */
    private String lastOverdueReviewer(DelegateExecution execution) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(RectificationProcess.REVIEW_OVERDUE).finished().list().stream()
                .filter(task -> task.getEndTime() != null)
                .max(Comparator.comparing(HistoricTaskInstance::getEndTime))
                .map(HistoricTaskInstance::getAssignee).orElse(null);
    }

    private static String person(RectificationView view) {
        return Objects.toString(view.responsiblePerson(), "整改责任人未登记")
                + (view.responsiblePost() == null ? "" : "（" + view.responsiblePost() + "）");
    }

    static String description(RectificationView view, boolean relapsed, String leadersComment) {
        StringBuilder text = new StringBuilder();
        text.append(view.unit()).append("未按要求完成整改（整改编号 ").append(view.rectificationNumber());
        if (view.caseNumber() != null) {
            text.append("，原案件编号 ").append(view.caseNumber());
        }
        text.append("，").append(view.originLabel()).append("）。\n整改事项：\n");
        for (int i = 0; i < view.items().size(); i++) {
            text.append(i + 1).append(". ").append(view.items().get(i)).append('\n');
        }
        if (view.noticeIssuedOn() != null) {
            text.append("整改通知下发日期：").append(DAY.format(view.noticeIssuedOn())).append('\n');
        }
        if (view.firstDeadline() != null) {
            text.append("原定整改期限：").append(DAY.format(view.firstDeadline()));
            if (view.deadline() != null && !view.deadline().equals(view.firstDeadline())) {
                text.append("，最后整改期限：").append(DAY.format(view.deadline()));
            }
            text.append('\n');
        }
        if (view.returnedCount() > 0) {
            text.append("核查退回整改 ").append(view.returnedCount()).append(" 次\n");
        }
        text.append("整改责任人：").append(person(view)).append('\n');
        if (relapsed) {
            text.append("回头看（").append(view.followUpOn() == null ? "" : DAY.format(view.followUpOn()))
                    .append("）发现问题反弹：").append(Objects.toString(view.followUpFindings(), ""));
        } else {
            text.append("整改期限届满仍未报告整改情况，委领导决定立案追究整改不实不力");
            text.append(leadersComment == null ? "。" : "：" + leadersComment);
            view.events().stream().filter(e -> "URGED".equals(e.kind()) || "EXTENDED".equals(e.kind()))
                    .forEach(e -> text.append("\n此前已").append("URGED".equals(e.kind()) ? "督促整改" : "延长整改期限")
                            .append("至 ").append(e.deadline() == null ? "" : DAY.format(e.deadline())));
        }
        return text.toString();
    }
}
