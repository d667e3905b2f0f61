package cn.jiandu.deadlines;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long a team has for a step, and when it is reminded (ISO-8601 durations such as P15D). */
@ConfigurationProperties("jiandu.deadlines")
public record DeadlineProperties(Duration verification, Duration decision, Duration reminderBefore, Duration hold) {
}
