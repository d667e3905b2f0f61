package cn.jiandu.rectification;

import cn.jiandu.rectification.RectificationEnums.CheckResult;
import cn.jiandu.rectification.RectificationEnums.FollowUpMode;
import cn.jiandu.rectification.RectificationEnums.FollowUpResult;
import cn.jiandu.rectification.RectificationEnums.OverdueAction;
import cn.jiandu.rectification.RectificationRepository.Stored;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * What each step of a rectification writes into the record when a person completes it, checked first,
 * in the transaction of the completion (so record and process never disagree); and what a step's form
 * shows when it opens, copied from the record.
 */
@Service
class RectificationWork {

    private static final String URGED = "URGED";

    private final RectificationRepository record;
    private final RectificationDeadlines deadlines;
    private final RectificationMails mails;
    private final Clock clock;

    RectificationWork(RectificationRepository record, RectificationDeadlines deadlines, RectificationMails mails,
            Clock clock) {
        this.record = record;
        this.deadlines = deadlines;
        this.mails = mails;
        this.clock = clock;
    }

    /** When a step opens: the display copies its form shows (written by Jiandu, never read back as facts). */
    void opened(DelegateTask task) {
        Stored stored = stored(task);
        switch (task.getTaskDefinitionKey()) {
            case RectificationProcess.ISSUE_NOTICE -> {
                task.setVariable("summary", stored.summary());
                if (stored.deadlineDays() != null) {
                    String item = stored.summary().length() <= RectificationSteps.ITEM ? stored.summary()
                            : stored.summary().substring(0, RectificationSteps.ITEM - 1) + "…";
                    ArrayNode items = JsonNodeFactory.instance.arrayNode();
                    items.addObject().put("content", item);
                    task.setVariable("items", SpinValues.jsonValue(items.toString()).create());
                    task.setVariable("deadline", deadlines.today().plusDays(stored.deadlineDays()).toString());
                }
            }
            case RectificationProcess.RECORD_REPORT, RectificationProcess.REVIEW_OVERDUE ->
                    task.setVariable("deadline", stored.deadline().toString());
            default -> {
            }
        }
        if (RectificationProcess.REVIEW_OVERDUE.equals(task.getTaskDefinitionKey())) {
            mails.overdueToLeaders(task, stored);
        }
        if (RectificationProcess.RECORD_REPORT.equals(task.getTaskDefinitionKey())) {
            // Leaders' urging is mailed once the report it waits for exists, so that the mail opens that task.
            record.lastEvent(stored.id()).filter(last -> URGED.equals(last.kind()))
                    .ifPresent(urged -> mails.urged(task, stored, urged.deadline(), urged.note()));
        }
    }

    /** When a step is completed: checked, then recorded. */
    void completed(DelegateTask task, String actor) {
        Stored stored = stored(task);
        StepAnswers answers = StepAnswers.of(task, clock.getZone());
        LocalDate today = deadlines.today();
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (task.getTaskDefinitionKey()) {
            case RectificationProcess.ISSUE_NOTICE -> issueNotice(task, stored, answers, actor, today, now);
            case RectificationProcess.RECORD_REPORT -> {
                LocalDate reportedOn = answers.requiredDay("reportedOn");
                if (reportedOn.isAfter(today)) {
                    throw answers.refused("reportedOn", "不能晚于今天（" + StepAnswers.DAY.format(today) + "）");
                }
                if (stored.noticeIssuedOn() != null && reportedOn.isBefore(stored.noticeIssuedOn())) {
                    throw answers.refused("reportedOn", "不能早于下发整改通知的日期（"
                            + StepAnswers.DAY.format(stored.noticeIssuedOn()) + "）");
                }
                String summary = answers.requiredText("reportSummary");
                record.recordReport(stored.id(), reportedOn, summary, actor);
                record.addEvent(stored.id(), "REPORTED", now, actor, stored.deadline(), null, summary);
            }
            case RectificationProcess.CHECK -> check(task, stored, answers, actor, today, now);
            case RectificationProcess.REVIEW_OVERDUE -> reviewOverdue(task, stored, answers, actor, today, now);
            case RectificationProcess.RECORD_FOLLOW_UP -> {
                LocalDate on = answers.requiredDay("followUpOn");
                if (on.isAfter(today)) {
                    throw answers.refused("followUpOn", "不能晚于今天（" + StepAnswers.DAY.format(today) + "）");
                }
                FollowUpMode mode = answers.choice("followUpMode", FollowUpMode.class);
                FollowUpResult result = answers.choice("followUpResult", FollowUpResult.class);
                String findings = answers.requiredText("followUpFindings");
                record.recordFollowUp(stored.id(), on, mode.name(), result.name(), findings, actor);
                record.addEvent(stored.id(), "FOLLOWED_UP", now, actor, null, result.name(),
                        mode.label() + "：" + findings);
                if (result == FollowUpResult.SUSTAINED) {
                    record.complete(stored.id(), now);
                }
            }
            default -> throw new IllegalStateException("no step " + task.getTaskDefinitionKey() + " in rectification");
        }
    }

    private void issueNotice(DelegateTask task, Stored stored, StepAnswers answers, String actor, LocalDate today,
            OffsetDateTime now) {
        List<String> items = answers.rows(RectificationSteps.ITEMS, "content");
        if (items.isEmpty()) {
            throw answers.refused("items", "至少填写一项整改事项");
        }
        LocalDate deadline = answers.deadline("deadline", today);
        String person = answers.requiredText("responsiblePerson");
        String unitKind = answers.text("unitKind");
        record.recordNotice(stored.id(), new RectificationRepository.Notice(today, actor, items, deadline,
                answers.text("requirements"), person, answers.text("responsiblePost"), unitKind));
        record.addEvent(stored.id(), "NOTICE_ISSUED", now, actor, deadline, null,
                "整改事项 " + items.size() + " 项，整改责任人：" + person);
        setDeadline(task, deadline);
    }

    private void check(DelegateTask task, Stored stored, StepAnswers answers, String actor, LocalDate today,
            OffsetDateTime now) {
        CheckResult result = answers.choice("checkResult", CheckResult.class);
        String reason = answers.text("checkReason");
        if (result == CheckResult.ACCEPTED) {
            record.recordCheck(stored.id(), result.name(), reason, actor, today);
            LocalDate followUpDue = deadlines.followUpDue();
            record.awaitFollowUp(stored.id(), followUpDue);
            record.addEvent(stored.id(), "CHECKED", now, actor, null, result.name(), reason);
            task.setVariable(RectificationProcess.FOLLOW_UP_DATE, deadlines.startOf(followUpDue));
            task.setVariable("newDeadline", null);
            return;
        }
        if (reason == null) {
            throw answers.refused("checkReason", "不能为空：" + result.label() + "的，须写明哪些事项未整改到位、为什么");
        }
        LocalDate newDeadline = answers.deadline("newDeadline", today);
        record.recordCheck(stored.id(), result.name(), reason, actor, today);
        record.returnToUnit(stored.id(), newDeadline);
        record.addEvent(stored.id(), "CHECKED", now, actor, newDeadline, result.name(), reason);
        setDeadline(task, newDeadline);
    }

    private void reviewOverdue(DelegateTask task, Stored stored, StepAnswers answers, String actor, LocalDate today,
            OffsetDateTime now) {
        OverdueAction action = answers.choice("overdueAction", OverdueAction.class);
        String comment = answers.requiredText("overdueComment");
        switch (action) {
            case EXTEND -> {
                LocalDate deadline = answers.deadline("newDeadline", today);
                record.moveDeadline(stored.id(), deadline);
                record.addEvent(stored.id(), "EXTENDED", now, actor, deadline, action.name(), comment);
                setDeadline(task, deadline);
            }
            case URGE -> {
                LocalDate deadline = deadlines.urgedDeadline();
                record.moveDeadline(stored.id(), deadline);
                record.addEvent(stored.id(), URGED, now, actor, deadline, action.name(), comment);
                setDeadline(task, deadline);
            }
            case OPEN_CASE -> task.setVariable("newDeadline", null);
        }
    }

    /** The unit's deadline in force: the record has it; the process times the report by its end. */
    private void setDeadline(DelegateTask task, LocalDate deadline) {
        task.setVariable(RectificationProcess.DEADLINE, deadlines.endOf(deadline));
        task.setVariable("deadline", deadline.toString());
    }

    private Stored stored(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        return record.find(number).orElseThrow(() -> new IllegalStateException("no rectification " + number));
    }
}
