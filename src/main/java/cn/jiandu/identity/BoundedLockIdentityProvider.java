package cn.jiandu.identity;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's users, groups and password check, with a lock that ends by itself. As in the
 * engine, each wrong password blocks the next login of that user for login-delay-base seconds
 * times login-delay-factor per earlier failure, at most login-delay-max-time; a login during that
 * time is refused without counting. From login-max-attempts failures in a row on, each failure
 * locks for the lock duration instead, where the engine locks until an administrator unlocks. No
 * lock is ever longer than the lock duration; a right password after it ends resets the count.
 * Users the engine had locked for good are free again once their last lock has run out.
 */
class BoundedLockIdentityProvider extends DbIdentityServiceProvider {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedLockIdentityProvider.class);

    private final Duration lockDuration;

    BoundedLockIdentityProvider(Duration lockDuration) {
        this.lockDuration = lockDuration;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        // Only the time counts: the engine also treats attempts >= login-max-attempts as locked for good.
        Date lockedUntil = user.getLockExpirationTime();
        return lockedUntil != null && lockedUntil.after(ClockUtil.getCurrentTime());
    }

    @Override
    protected void lockUser(UserEntity user) {
        ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
        int attempts = user.getAttempts() + 1;
        boolean tooMany = attempts >= engine.getLoginMaxAttempts();
        long millis = Math.min(lockDuration.toMillis(), tooMany ? lockDuration.toMillis()
                : delayMillis(engine.getLoginDelayBase(), engine.getLoginDelayFactor(), engine.getLoginDelayMaxTime(),
                        attempts));
        Date lockedUntil = new Date(ClockUtil.getCurrentTime().getTime() + millis);
        if (tooMany) {
            LOG.warn("用户 {} 连续 {} 次密码错误，锁定至 {}", user.getId(), attempts, lockedUntil.toInstant());
        }
        getIdentityInfoManager().updateUserLock(user, attempts, lockedUntil);
    }

    /** The engine's delay: base seconds, times factor for each earlier failure, at most max seconds. */
    static long delayMillis(int baseSeconds, int factor, int maxSeconds, int attempts) {
        double seconds = baseSeconds * Math.pow(factor, attempts - 1);
        return (long) Math.min(seconds, maxSeconds) * 1000;
    }
}
