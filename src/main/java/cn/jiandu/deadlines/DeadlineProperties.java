package cn.jiandu.deadlines;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a team has for each stage with a deadline, and when it is reminded (ISO-8601 durations
 * such as P15D). The defaults in application.yaml follow the 监督执纪工作规则: a disposal opinion within a
 * month of receipt, a preliminary verification in two months with one extension of at most a month.
 *
 * @param verificationExtension the longest extension leaders may grant a verification, once (route version 2)
 */
@ConfigurationProperties("jiandu.deadlines")
public record DeadlineProperties(Duration triage, Duration inquiry, Duration verification,
        Duration verificationExtension, Duration decision, Duration defence, Duration reminderBefore,
        Duration hold) {
}
