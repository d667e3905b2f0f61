package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords over HTTP Basic, which anyone can send without a login, delay the next login of
 * that user and after ten in a row lock it, but only for fifteen minutes: nobody can lock an
 * officer out until an administrator acts. A user of its own (the demo users are shared with other
 * tests); the engine's clock is moved instead of waiting. Same application context as
 * AccessControlTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:access-control;DB_CLOSE_DELAY=-1"})
class WrongPasswordsLockForAWhileNotForGoodTest {

    private static final String USER = "lockout-probe";
    private static final String PASSWORD = "Richtiges-Passwort-7";
    private static final Duration LOCK = Duration.ofMinutes(15);
    /** Both ways in that take a password: the engine's REST API and Jiandu's /api. */
    private static final List<String> PATHS = List.of("/engine-rest/task", "/api/cases");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    Http http;
    Instant now;

    @BeforeEach
    void freshUserAndFrozenClock() {
        http = new Http(port);
        if (identityService.createUserQuery().userId(USER).count() > 0) {
            identityService.deleteUser(USER);
        }
        User user = identityService.newUser(USER);
        user.setFirstName("锁定");
        user.setLastName("测试");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        setClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    @Test
    void tenWrongPasswordsLockForFifteenMinutesAfterWhichTheRightOneWorks() {
        assertThat(rightPasswordAccepted()).as("before any wrong password").isTrue();
        for (int failure = 1; failure <= 10; failure++) {
            String path = PATHS.get(failure % 2);
            assertThat(http.get(USER + ":falsch-" + failure, path).status()).as("wrong password on " + path)
                    .isEqualTo(401);
            assertThat(user().getAttempts()).as("failures counted").isEqualTo(failure);
            Duration expected = failure < 10 ? Duration.ofSeconds(Math.min(3L << (failure - 1), 60)) : LOCK;
            assertThat(lockedFor()).as("lock after failure " + failure).isEqualTo(expected);
            // While locked even the right password is refused, and that is no further failure.
            assertThat(http.get(USER + ":" + PASSWORD, path).status()).as("right password while locked").isEqualTo(401);
            assertThat(user().getAttempts()).isEqualTo(failure);
            if (failure < 10) {
                setClock(user().getLockExpirationTime().toInstant());
            }
        }
        Instant lockedAt = now;
        setClock(lockedAt.plus(LOCK).minusSeconds(1));
        assertThat(rightPasswordRefusedEverywhere()).as("a second before the lock ends").isTrue();

        setClock(lockedAt.plus(LOCK));
        assertThat(rightPasswordAccepted()).as("when the lock has ended").isTrue();
        assertThat(user().getAttempts()).as("count reset by the right password").isZero();
        assertThat(user().getLockExpirationTime()).isNull();
    }

    @Test
    void furtherWrongPasswordsAfterTheLockLockAgainButNeverLonger() {
        for (int failure = 1; failure <= 13; failure++) {
            assertThat(http.get(USER + ":falsch-" + failure, PATHS.get(failure % 2)).status()).isEqualTo(401);
            assertThat(user().getAttempts()).isEqualTo(failure);
            assertThat(lockedFor()).as("lock after failure " + failure).isLessThanOrEqualTo(LOCK);
            setClock(user().getLockExpirationTime().toInstant());
        }
        assertThat(rightPasswordAccepted()).isTrue();
    }

    @Test
    void aUserTheEngineHadLockedForGoodIsFreeOnceItsLastLockHasEnded() {
        // What the engine left behind with login-max-attempts 10: ten failures and a lock long over.
        jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                Date.from(now.minus(Duration.ofDays(3))), USER);
        assertThat(rightPasswordAccepted()).isTrue();
        assertThat(user().getAttempts()).isZero();
    }

    private boolean rightPasswordAccepted() {
        return PATHS.stream().allMatch(path -> http.get(USER + ":" + PASSWORD, path).status() == 200);
    }

    private boolean rightPasswordRefusedEverywhere() {
        return PATHS.stream().allMatch(path -> http.get(USER + ":" + PASSWORD, path).status() == 401);
    }

    private Duration lockedFor() {
        return Duration.between(now, user().getLockExpirationTime().toInstant());
    }

    private UserEntity user() {
        return (UserEntity) identityService.createUserQuery().userId(USER).singleResult();
    }

    private void setClock(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
