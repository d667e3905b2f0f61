package cn.jiandu.deadlines;

import cn.jiandu.cases.CaseDeadlineRecord;
import cn.jiandu.common.Vars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Due dates of the steps with a deadline, used by expressions in supervision-case.bpmn. */
@Component("caseDeadlines")
public class CaseDeadlines {

    /** A stage of route version 2 with a deadline: the variable its due date is kept in, and its period. */
    enum Stage {
        TRIAGE("triageDueDate", DeadlineProperties::triage),
        INQUIRY("inquiryDueDate", DeadlineProperties::inquiry),
        VERIFICATION("verifyDueDate", DeadlineProperties::verification),
        DECISION("decisionDueDate", DeadlineProperties::decision),
        DEFENCE("defenceDueDate", DeadlineProperties::defence);

        final String dueDateVariable;
        final Function<DeadlineProperties, Duration> period;

        Stage(String dueDateVariable, Function<DeadlineProperties, Duration> period) {
            this.dueDateVariable = dueDateVariable;
            this.period = period;
        }
    }

    static final String VERIFY_DUE_DATE = Stage.VERIFICATION.dueDateVariable;

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

    /** On entering a stage of route version 2: its due date, a full period from now. */
    public void start(DelegateExecution execution, String stage) {
        Stage started = Stage.valueOf(stage);
        Date due = Date.from(clock.instant().plus(started.period.apply(properties)));
        execution.setVariable(started.dueDateVariable, due);
        if (started == Stage.VERIFICATION) {
            record.verificationStarted(Vars.caseNumber(execution), due);
        }
    }

    /** Route version 1's verification. */
    public void startVerification(DelegateExecution execution) {
        Date due = Date.from(clock.instant().plus(properties.verification()));
        execution.setVariable(VERIFY_DUE_DATE, due);
        record.verificationDueAt(Vars.caseNumber(execution), due);
    }

    /** Route version 1's decision. */
    public void startDecision(DelegateExecution execution) {
        execution.setVariable(Stage.DECISION.dueDateVariable, Date.from(clock.instant().plus(properties.decision())));
    }

    void recordVerificationExtended(DelegateExecution execution, Date due) {
        record.verificationExtended(Vars.caseNumber(execution), due);
    }

    /** The reminder goes out the configured time before the due date, but never before now. */
    public Date reminderAt(Date due) {
        Instant reminder = due.toInstant().minus(properties.reminderBefore());
        Instant now = clock.instant();
        return Date.from(reminder.isBefore(now) ? now : reminder);
    }

    /**
     * How long an extension without a usable date gives: a full period of the stage; for a
     * verification the extension's own limit, as the 监督执纪工作规则 allows one month.
     */
    Duration extensionFallback(String dueDateVariable) {
        if (VERIFY_DUE_DATE.equals(dueDateVariable)) {
            return properties.verificationExtension();
        }
        return Arrays.stream(Stage.values()).filter(stage -> stage.dueDateVariable.equals(dueDateVariable))
                .findFirst().map(stage -> stage.period.apply(properties)).orElse(properties.verification());
    }
}
