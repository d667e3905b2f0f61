package cn.jiandu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.AppProcess;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import cn.jiandu.support.JianduFromClasses;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report answered 201 is kept even if the process dies right after, on the embedded default:
 * Jiandu run as in production (its own JVM, demo profile, the default H2 file in ./data of its
 * working directory, job executor on), about 40 reports sent at once, SIGKILL once some are
 * answered and others are still in flight, then started again on the same file. Every answered
 * case must be there under its number, and no number may be given to another report.
 */
class AcknowledgedReportsSurviveKillTest {

    private static final int REPORTS = 40;
    private static final int ANSWERS_BEFORE_KILL = 10;

    @TempDir
    Path home;
    private AppProcess app;
    private ExecutorService clients;

    @AfterEach
    void stop() throws InterruptedException {
        if (clients != null) {
            clients.shutdownNow();
        }
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void everyReportAnsweredBeforeSigkillIsThereAfterTheRestartUnderItsOwnNumber() throws Exception {
        app = start("first");
        long firstReady = app.readyMillis();
        Map<String, String> acknowledged = reportAllAndKillAfterTheFirstAnswers(new Http(app.port()));
        assertThat(home.resolve("data/jiandu.mv.db")).as("the default database file").exists();

        app = start("second");
        System.out.printf("kill drill: ready after %d ms, SIGKILL after %d answers, ready again after %d ms%n",
                firstReady, acknowledged.size(), app.readyMillis());
        Http second = new Http(app.port());
        List<String> lost = acknowledged.entrySet().stream()
                .filter(report -> !keptAsReported(second, report.getValue(), report.getKey()))
                .map(report -> report.getValue() + " (" + report.getKey() + ")")
                .sorted().toList();
        assertThat(lost).as("answered 201 before the kill, not there as reported after it").isEmpty();

        // What a careful client does next: send every report again with its key. Answered ones
        // must come back as they were; the others are either found or registered anew.
        Map<String, String> numbers = new HashMap<>();
        for (int n = 0; n < REPORTS; n++) {
            String key = key(n);
            Answer again = second.post("intake1", "/api/cases", report(key), Map.of("Idempotency-Key", key));
            assertThat(again.status()).as(key + ": " + again.body()).isEqualTo(201);
            String number = again.json().get("caseNumber").asText();
            numbers.put(key, number);
            if (acknowledged.containsKey(key)) {
                assertThat(number).as("the same report sent again after the restart").isEqualTo(acknowledged.get(key));
            } else {
                assertThat(acknowledged).as("number of an unanswered report " + key).doesNotContainValue(number);
                assertThat(keptAsReported(second, number, key)).as(number + " of " + key).isTrue();
            }
        }
        assertThat(new HashSet<>(numbers.values())).as("one number per report").hasSize(REPORTS);
    }

    /**
     * Sends all reports at once and SIGKILLs the application as soon as enough are answered, while
     * the rest are still on their way. Returns the answered ones: key to case number.
     */
    private Map<String, String> reportAllAndKillAfterTheFirstAnswers(Http http) throws InterruptedException {
        Map<String, String> answered = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger(REPORTS);
        CountDownLatch go = new CountDownLatch(1);
        clients = Executors.newFixedThreadPool(REPORTS);
        for (int n = 0; n < REPORTS; n++) {
            String key = key(n);
            clients.execute(() -> {
                try {
                    go.await();
                    Answer answer = http.post("intake1", "/api/cases", report(key), Map.of("Idempotency-Key", key));
                    if (answer.status() == 201) {
                        answered.put(key, answer.json().get("caseNumber").asText());
                    }
                } catch (UncheckedIOException | InterruptedException killedWhileAsking) {
                    // no answer: the client does not know whether its report was kept
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.size() < ANSWERS_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        int stillAsking = inFlight.get();
        app.kill();
        Map<String, String> acknowledged = Map.copyOf(answered);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).as("clients finished after the kill").isTrue();
        assertThat(acknowledged).as("reports answered 201 before the kill, see " + app.log())
                .hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);
        assertThat(stillAsking).as("reports still in flight at the kill").isPositive();
        assertThat(new HashSet<>(acknowledged.values())).as("distinct numbers among the answers")
                .hasSize(acknowledged.size());
        return acknowledged;
    }

    private static boolean keptAsReported(Http http, String caseNumber, String key) {
        Answer found = http.get("intake1", "/api/cases/" + caseNumber);
        return found.status() == 200 && title(key).equals(found.json().get("title").asText())
                && "幸福社区".equals(found.json().get("unit").asText());
    }

    private AppProcess start(String name) throws Exception {
        // Every deployment setting at its default, as `java -jar` without configuration starts.
        return JianduFromClasses.start(home, name, List.of(), Map.of());
    }

    private static String key(int n) {
        return "kill-test-" + n;
    }

    private static String title(String key) {
        return "某小区未落实封闭管理（" + key.substring(key.lastIndexOf('-') + 1) + "）";
    }

    private static Map<String, Object> report(String key) {
        return Map.of("title", title(key), "description", "出入口无人值守", "source", "HOTLINE",
                "unit", "幸福社区", "zone", "NORTH");
    }
}
