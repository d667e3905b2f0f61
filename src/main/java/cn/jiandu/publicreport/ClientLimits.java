package cn.jiandu.publicreport;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public page (Bucket4j token buckets): reports per client and for everyone together,
 * status look-ups per client. A client is a keyed hash of its address (a secret made at start and never
 * stored), kept in memory only and forgotten after an idle hour: no address is written anywhere.
 */
@Component
class ClientLimits {

    static final String TOO_MANY_REPORTS = "您在一分钟内提交的举报过多，请稍后再试。如情况紧急，请拨打区纪委监委举报电话。";
    static final String TOO_MANY_OVERALL = "当前提交的举报较多，系统繁忙，请几分钟后再试。您填写的内容尚未提交，请先复制保存。";
    static final String TOO_MANY_LOOKUPS = "查询过于频繁，请一分钟后再试。";
    private static final Duration IDLE = Duration.ofHours(1);

    private record Client(Bucket reports, Bucket lookups, long[] lastSeen) {
    }

    private final PublicReportProperties properties;
    private final Bucket overall;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final byte[] secret = new byte[32];
    private long lastSweep = System.nanoTime();

    ClientLimits(PublicReportProperties properties) {
        this.properties = properties;
        this.overall = perMinute(properties.overallPerMinute());
        new SecureRandom().nextBytes(secret);
    }

    void report(String address) {
        if (!client(address).reports().tryConsume(1)) {
            throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_REPORTS);
        }
        if (!overall.tryConsume(1)) {
            throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_OVERALL);
        }
    }

    void lookup(String address) {
        if (!client(address).lookups().tryConsume(1)) {
            throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_LOOKUPS);
        }
    }

    private Client client(String address) {
        long now = System.nanoTime();
        sweep(now);
        Client client = clients.computeIfAbsent(keyOf(address), key -> new Client(
                perMinute(properties.perClientPerMinute()), perMinute(properties.statusPerClientPerMinute()),
                new long[] {now}));
        client.lastSeen()[0] = now;
        return client;
    }

    /** Forgets clients idle for an hour (their buckets are full again by then anyway). */
    private void sweep(long now) {
        if (now - lastSweep < Duration.ofMinutes(5).toNanos()) {
            return;
        }
        lastSweep = now;
        clients.values().removeIf(client -> now - client.lastSeen()[0] > IDLE.toNanos());
    }

    private String keyOf(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }

    private static Bucket perMinute(int count) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(count).refillIntervally(count, Duration.ofMinutes(1))
                .build()).build();
    }
}
