package cn.jiandu.publicreport;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The page's proof of work (ALTCHA, verified here with the altcha library; no outside service): the browser
 * finds the number whose SHA-256 with the salt matches the signed challenge. A solution is accepted once:
 * spending it is a row in jd_public_challenge, written in the report's transaction.
 */
@Component
class Challenges {

    static final String NEEDED = "请先完成页面上的人机验证（需要启用浏览器的 JavaScript），验证完成后再提交。";
    static final String INVALID = "人机验证未通过或已过期：请刷新页面，等待验证完成后重新提交（已填写的内容请先复制保存）。";
    static final String SPENT = "这次人机验证已经使用过：请刷新页面，等待验证完成后重新提交。";

    private final PublicReportProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String hmacKey;

    Challenges(PublicReportProperties properties, JdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        // Several nodes share JIANDU_PUBLIC_REPORT_CHALLENGE_KEY; one node may keep a key of its own.
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.hmacKey = properties.challengeKey().isBlank() ? Base64.getEncoder().encodeToString(random)
                : properties.challengeKey();
    }

    /** A new challenge, as the page's script takes it (algorithm, challenge, maxnumber, salt, signature). */
    Altcha.Challenge create() {
        try {
            return Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256)
                    .setMaxNumber(properties.challengeMaxNumber())
                    .setHmacKey(hmacKey)
                    .setExpires(clock.instant().plus(properties.challengeLifetime()).getEpochSecond()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a challenge", e);
        }
    }

    /** The challenge a sent solution solves, if it is genuine and not expired; otherwise a refusal. */
    Solved verify(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, NEEDED);
        }
        try {
            if (payload.length() <= 2000 && Altcha.verifySolution(payload, hmacKey, true)) {
                String json = new String(Base64.getDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
                Map<String, String> fields = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { })
                        .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                e -> String.valueOf(e.getValue())));
                Map<String, String> params = Altcha.extractParams(fields.get("salt"));
                long expires = Long.parseLong(params.getOrDefault("expires", "0"));
                return new Solved(fields.get("challenge"), Instant.ofEpochSecond(expires));
            }
        } catch (Exception malformed) {
            // Whatever was sent, it is no solution.
        }
        throw new Refusal(HttpStatus.BAD_REQUEST, INVALID);
    }

    /** Spends the solution in the caller's transaction; a second use is refused. */
    void spend(Solved solved) {
        try {
            jdbc.update("INSERT INTO jd_public_challenge (challenge, expires_at) VALUES (?, ?)", solved.challenge(),
                    OffsetDateTime.ofInstant(solved.expires(), clock.getZone()));
        } catch (DuplicateKeyException replayed) {
            throw new Refusal(HttpStatus.BAD_REQUEST, SPENT);
        }
    }

    /** Forgets spent challenges that have expired anyway (an expired one is refused by its signature). */
    void forgetExpired() {
        jdbc.update("DELETE FROM jd_public_challenge WHERE expires_at < ?", OffsetDateTime.now(clock));
    }

    record Solved(String challenge, Instant expires) {
    }
}
