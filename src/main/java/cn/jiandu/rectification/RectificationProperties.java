package cn.jiandu.rectification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periods of a rectification (ISO-8601 durations such as P5D). The reminder before the unit's
 * deadline uses jiandu.deadlines.reminder-before, as every other step.
 *
 * @param noticeDuration   how long the team has to issue the notice (整改通知书)
 * @param urgeGrace        how long leaders' urging (督促整改) gives the unit from the day they decide
 * @param checkDuration    how long the team has to check the unit's report
 * @param followUpAfter    how long after acceptance the follow-up check (回头看) falls due
 * @param followUpDuration how long the team has for the follow-up check once it is due
 */
@ConfigurationProperties("jiandu.rectification")
record RectificationProperties(Duration noticeDuration, Duration urgeGrace, Duration checkDuration,
        Duration followUpAfter, Duration followUpDuration) {
}
