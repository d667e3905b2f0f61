package cn.jiandu.deadlines;

import cn.jiandu.cases.CaseDeadlineRecord;
import cn.jiandu.cases.Vars;
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

    CaseDeadlines(DeadlineProperties properties, CaseDeadlineRecord record) {
        this.properties = properties;
        this.record = record;
    }

    public String getHoldDuration() {
        return properties.hold().toString();
    }

    public void startVerification(DelegateExecution execution) {
        Date due = Date.from(Instant.now().plus(properties.verification()));
        execution.setVariable("verifyDueDate", due);
        record.verificationDueAt(Vars.caseNumber(execution), due);
    }

    public void startDecision(DelegateExecution execution) {
        execution.setVariable("decisionDueDate", Date.from(Instant.now().plus(properties.decision())));
    }

    void recordVerificationDue(DelegateExecution execution, Date due) {
        record.verificationDueAt(Vars.caseNumber(execution), due);
    }

    /** The reminder goes out the configured time before the due date, but never before now. */
    public Date reminderAt(Date due) {
        Instant reminder = due.toInstant().minus(properties.reminderBefore());
        Instant now = Instant.now();
        return Date.from(reminder.isBefore(now) ? now : reminder);
    }

    Duration extensionFallback(String dueDateVariable) {
        return "decisionDueDate".equals(dueDateVariable) ? properties.decision() : properties.verification();
    }
}
