package cn.jiandu.deadlines;

import java.time.Clock;
import cn.jiandu.cases.CaseDeadlineRecord;
import cn.jiandu.common.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Due dates of the steps with a deadline, used by expressions in supervision-case.bpmn. */
@Component("caseDeadlines")
public class CaseDeadlines {

    private final DeadlineProperties properties;
    private final CaseDeadlineRecord record;
    private final Clock clock;

    CaseDeadlines(DeadlineProperties properties, CaseDeadlineRecord record, Clock clock) {
        this.properties = properties;
        this.record = record;
        this.clock = clock;
    }

    public String getHoldDuration() {
        return properties.hold().toString();
    }

    public void startVerification(DelegateExecution execution) {
        Date due = Date.from(clock.instant().plus(properties.verification()));
        execution.setVariable("verifyDueDate", due);
        record.verificationDueAt(Vars.caseNumber(execution), due);
    }

    public void startDecision(DelegateExecution execution) {
        execution.setVariable("decisionDueDate", Date.from(clock.instant().plus(properties.decision())));
    }

    void recordVerificationDue(DelegateExecution execution, Date due) {
        record.verificationDueAt(Vars.caseNumber(execution), due);
    }

    /** The reminder goes out the configured time before the due date, but never before now. */
    public Date reminderAt(Date due) {
        Instant reminder = due.toInstant().minus(properties.reminderBefore());
        Instant now = clock.instant();
        return Date.from(reminder.isBefore(now) ? now : reminder);
    }

    Duration extensionFallback(String dueDateVariable) {
        return "decisionDueDate".equals(dueDateVariable) ? properties.decision() : properties.verification();
    }
}
