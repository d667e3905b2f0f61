package cn.jiandu.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a user stays locked after camunda's login-max-attempts wrong passwords in a row. The
 * growing delay before that is the engine's own (login-delay-base, -factor, -max-time).
 */
@ConfigurationProperties("jiandu.login")
record LoginLockProperties(Duration lockDuration) {

    LoginLockProperties {
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("jiandu.login.lock-duration (JIANDU_LOGIN_LOCK_DURATION) must be a "
                    + "positive duration such as PT15M, was " + lockDuration);
        }
    }
}
