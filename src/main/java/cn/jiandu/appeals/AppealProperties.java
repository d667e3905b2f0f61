package cn.jiandu.appeals;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periods of the 问责条例 for an appeal, as ISO-8601 periods (P1M): calendar months, not 30 days,
 * since the rules count "一个月" from the day of service and of receipt.
 *
 * @param window   how long after service (送达) an appeal may be received
 * @param decision how long after receipt case-review has to decide
 */
@ConfigurationProperties("jiandu.appeals")
record AppealProperties(Period window, Period decision) {
}
