package cn.jiandu.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one time Jiandu reads: the engine's clock (so that the record, the due dates and the
 * engine's timers agree, also when a test moves the engine's time) in the commission's time zone
 * (Asia/Shanghai unless configured), which decides case-number years and report days.
 */
@Component
public class CommissionClock extends Clock {

    private final ZoneId zone;

    // The constructor Spring uses; the other one serves withZone. Unmarked, Spring looked for a default
    // constructor and the application did not start.
    @Autowired
    CommissionClock(@Value("${jiandu.timezone:Asia/Shanghai}") String zone) {
        this(ZoneId.of(zone));
    }

    private CommissionClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new CommissionClock(other);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
