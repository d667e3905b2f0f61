package cn.jiandu.rectification;

import cn.jiandu.deadlines.DeadlineProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Due dates of rectification.bpmn's steps, used by its expressions; a day's deadline ends with that day. */
@Component("rectificationDeadlines")
public class RectificationDeadlines {

    private final RectificationProperties properties;
    private final DeadlineProperties deadlines;
    private final Clock clock;

    RectificationDeadlines(RectificationProperties properties, DeadlineProperties deadlines, Clock clock) {
        this.properties = properties;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** A team step's due date, a full period from now: NOTICE, CHECK or FOLLOW_UP. */
    public Date dueIn(String step) {
        Duration period = switch (step) {
            case "NOTICE" -> properties.noticeDuration();
            case "CHECK" -> properties.checkDuration();
            case "FOLLOW_UP" -> properties.followUpDuration();
            default -> throw new IllegalArgumentException("no rectification step " + step);
        };
        return Date.from(clock.instant().plus(period));
    }

    /** The reminder goes out the configured time before the due date, but never before now. */
    public Date reminderAt(Date due) {
        Instant reminder = due.toInstant().minus(deadlines.reminderBefore());
        Instant now = clock.instant();
        return Date.from(reminder.isBefore(now) ? now : reminder);
    }

    /** The end of a deadline day in the commission's time zone: the unit has the whole day. */
    Date endOf(LocalDate day) {
        return Date.from(day.atTime(LocalTime.MAX).withNano(0).atZone(clock.getZone()).toInstant());
    }

    /** The start of the day the follow-up check falls due. */
    Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    LocalDate urgedDeadline() {
        return today().plusDays(properties.urgeGrace().toDays());
    }

    LocalDate followUpDue() {
        return today().plusDays(properties.followUpAfter().toDays());
    }
}
