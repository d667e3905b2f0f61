package cn.jiandu.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts rectifications, the only way one comes to be: the row of the record first, then the
 * process (business key = the rectification's number) in the caller's transaction, so a source
 * that rolls back leaves neither.
 */
@Service
public class Rectifications {

    private final RectificationRepository record;
    private final RectificationNumbers numbers;
    private final RuntimeService runtime;
    private final Clock clock;

    Rectifications(RectificationRepository record, RectificationNumbers numbers, RuntimeService runtime, Clock clock) {
        this.record = record;
        this.numbers = numbers;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** A rectification with a notice and a deadline: starts process {@code rectification}; returns its number. */
    @Transactional
    public String start(NewRectification source) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String number = numbers.next(now.getYear());
        long id = record.insert(number, source, "WITHIN_DEADLINE", RectificationState.NOTICE_PENDING, now);
        var variables = Variables.createVariables()
                .putValue("rectificationNumber", number)
                .putValue("zone", source.zone())
                .putValue("unit", source.unit())
                .putValue("origin", source.origin().name());
        if (source.caseNumber() != null) {
            variables.putValue("caseNumber", source.caseNumber());
        }
        ProcessInstance started = runtime.createProcessInstanceByKey(RectificationProcess.PROCESS_KEY)
                .businessKey(number)
                .setVariables(variables)
                .execute();
        record.linkProcessInstance(id, started.getId());
        return number;
    }

    /** A minor finding rectified on the spot (当场整改): recorded complete at once, no process. */
    @Transactional
    public String recordOnSpot(NewRectification source, LocalDate rectifiedOn) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String number = numbers.next(now.getYear());
        long id = record.insert(number, source, "ON_SPOT", RectificationState.COMPLETED, now);
        record.recordOnSpot(id, rectifiedOn, source.requestedBy(), now);
        record.addEvent(id, "COMPLETED", now, source.requestedBy(), rectifiedOn, "ACCEPTED", "当场整改");
        return number;
    }
}
