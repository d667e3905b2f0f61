package cn.jiandu.bench;

import cn.jiandu.support.AppProcess;
import cn.jiandu.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SIGKILL while cases are being reported and worked. Clients report cases with an Idempotency-Key
 * and work them (triage, then verification for half of them) with several threads, keeping many
 * cases half-way; at half of the reports the application is killed with SIGKILL and started again.
 * A client that got no answer does what a careful client does: sends the same report again with
 * the same key, and looks at the case before repeating a completion. Afterwards every acknowledged
 * case must exist exactly once, with one process instance, reflect every acknowledged completion,
 * and go on to its end.
 */
final class KillDrill {

    private static final String DATABASE = "jiandu_kill_drill";

    private final Postgres postgres;
    private final Path jar;
    private final Path work;
    private final int cases;
    private final int threads;
    private final List<String> appArgs;

    private volatile Http client;
    private volatile boolean down;
    private final Map<String, String> acknowledgedReports = new ConcurrentHashMap<>();
    private final Map<String, String> plannedDisposal = new ConcurrentHashMap<>();
    private final Set<String> acknowledgedCompletions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requestsWithoutAnswer = new AtomicInteger();
    private final Set<String> reportsRetried = ConcurrentHashMap.newKeySet();
    private final AtomicInteger completionsFoundDoneOnRetry = new AtomicInteger();
    private final AtomicLong killedAtMillis = new AtomicLong();
    private volatile java.time.Instant killedAt;

    KillDrill(Postgres postgres, Path jar, Path work, int cases, int threads, List<String> appArgs) {
        this.postgres = postgres;
        this.jar = jar;
        this.work = work;
        this.cases = cases;
        this.threads = threads;
        this.appArgs = appArgs;
    }

    Map<String, Object> run() throws Exception {
        postgres.recreate(DATABASE);
        Map<String, String> env = Map.of("JIANDU_DB_URL", postgres.url(DATABASE), "JIANDU_DB_USER", postgres.user(),
                "JIANDU_DB_PASSWORD", postgres.password());
        Map<String, Object> result = new LinkedHashMap<>();
        AppProcess first = AppProcess.start(jar, List.of(), appArgs, env, work.resolve("logs/kill-drill-1.log"),
                Duration.ofMinutes(5));
        client = new Http(first.port());
        long start = System.nanoTime();
        AtomicInteger reported = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                try {
                    work(id, reported);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "client-" + t);
            workers.add(worker);
            worker.start();
        }
        while (acknowledgedReports.size() < cases / 2) {
            Thread.sleep(20);
        }
        int acknowledgedBeforeKill = acknowledgedReports.size();
        int completionsBeforeKill = acknowledgedCompletions.size();
        down = true;
        killedAt = java.time.Instant.now();
        first.kill();
        killedAtMillis.set((System.nanoTime() - start) / 1_000_000);
        System.out.printf("  SIGKILL after %d acknowledged reports and %d acknowledged completions%n",
                acknowledgedBeforeKill, completionsBeforeKill);
        long restart = System.nanoTime();
        try (AppProcess second = AppProcess.start(jar, List.of(), appArgs, env, work.resolve("logs/kill-drill-2.log"),
                Duration.ofMinutes(5))) {
            double restartSeconds = (System.nanoTime() - restart) / 1e9;
            client = new Http(second.port());
            down = false;
            System.out.printf("  restarted, ready after %.1f s%n", restartSeconds);
            for (Thread worker : workers) {
                worker.join();
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a client failed", failures.get(0));
            }
            Checks checks = new Checks(postgres, DATABASE);
            double closedAfter = checks.awaitCount(cases, 600,
                    "SELECT COUNT(*) FROM jd_case WHERE stage = 'CLOSED'");
            result.put("acknowledgedReportsBeforeKill", acknowledgedBeforeKill);
            result.put("acknowledgedCompletionsBeforeKill", completionsBeforeKill);
            result.put("killedAfterSeconds", killedAtMillis.get() / 1000.0);
            result.put("restartReadySeconds", Math.round(restartSeconds * 10) / 10.0);
            result.put("requestsWithoutAnswer", requestsWithoutAnswer.get());
            result.put("completionsFoundDoneWhenRetried", completionsFoundDoneOnRetry.get());
            result.put("reportsRetriedWithTheSameKey", reportsRetried.size());
            // A retried report answered with a case the first process had stored: committed, but its answer was lost.
            result.put("retriedReportsThatHadBeenStoredBeforeTheKill", reportsRetried.stream()
                    .filter(key -> {
                        try {
                            return checks.count("SELECT COUNT(*) FROM jd_case WHERE idempotency_key = ? AND reported_at < ?",
                                    key, java.sql.Timestamp.from(killedAt)) == 1;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).count());
            result.put("secondsUntilAllClosedAfterClientsFinished", closedAfter);
            result.put("drillSeconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
            verify(checks, closedAfter);
            result.put("passed", checks.passed());
            result.put("checks", checks.list());
        }
        return result;
    }

    /** One client: keeps a few cases on the go, reporting new ones until the quota is reached. */
    private void work(int id, AtomicInteger reported) throws InterruptedException {
        Random random = new Random(id);
        List<String> inProgress = new ArrayList<>();
        int n = 0;
        while (true) {
            boolean mayReport = reported.get() < cases;
            if (inProgress.isEmpty() && !mayReport) {
                return;
            }
            if (mayReport && (inProgress.size() < 4 || random.nextInt(3) == 0)) {
                if (reported.incrementAndGet() > cases) {
                    continue;
                }
                String key = "kill-drill-" + id + "-" + n++;
                String caseNumber = report(key);
                acknowledgedReports.put(key, caseNumber);
                plannedDisposal.put(caseNumber, n % 2 == 0 ? "CLOSE" : "PRELIMINARY_VERIFICATION");
                inProgress.add(caseNumber);
            } else {
                String caseNumber = inProgress.get(random.nextInt(inProgress.size()));
                if (step(caseNumber)) {
                    inProgress.remove(caseNumber);
                }
            }
        }
    }

    private String report(String key) throws InterruptedException {
        Map<String, Object> body = Map.of("title", "断电演练 " + key, "description", "SIGKILL 演练中登记的问题线索",
                "source", "HOTLINE", "unit", "演练社区 " + key.hashCode() % 50, "zone", "NORTH");
        while (true) {
            try {
                Http.Answer answer = client.post("intake1", "/api/cases", body, Map.of("Idempotency-Key", key));
                if (answer.status() == 201) {
                    return answer.json().get("caseNumber").asText();
                }
                if (answer.status() < 500) {
                    throw new IllegalStateException("report " + key + ": " + answer.status() + " " + answer.body());
                }
            } catch (UncheckedIOException noAnswer) {
                requestsWithoutAnswer.incrementAndGet();
                reportsRetried.add(key);
            }
            awaitUp();
        }
    }

    /** Does the case's next step; true when nothing is left for a person to do. */
    private boolean step(String caseNumber) throws InterruptedException {
        while (true) {
            try {
                JsonNode detail = client.get("intake1", "/api/cases/" + caseNumber).expect(200, "case").json();
                for (JsonNode task : detail.get("openTasks")) {
                    String key = task.get("taskKey").asText();
                    Http.Answer answer = switch (key) {
                        case "triageCase" -> client.complete("intake1", task.get("id").asText(), Map.of(
                                "problemType", "OTHER", "severity", "MINOR", "zone", "NORTH",
                                "disposal", plannedDisposal.get(caseNumber), "triageComment", "演练研判"));
                        case "approveDisposal" -> client.complete("leader1", task.get("id").asText(), Map.of(
                                "disposalApproved", true));
                        case "verifyCase" -> client.complete("north1", task.get("id").asText(), Map.of(
                                "verificationOutcome", "CLOSE", "findings", "经核实不属实"));
                        default -> throw new IllegalStateException("unexpected task " + key + " of " + caseNumber);
                    };
                    if (answer.status() == 204) {
                        acknowledgedCompletions.add(caseNumber + "/" + key);
                    } else if (answer.status() == 404 || answer.status() == 409) {
                        completionsFoundDoneOnRetry.incrementAndGet();
                    } else {
                        throw new IllegalStateException(key + " of " + caseNumber + ": " + answer.status() + " " + answer.body());
                    }
                    return false;
                }
                return true; // no open task: closing (job executor) or closed
            } catch (UncheckedIOException noAnswer) {
                requestsWithoutAnswer.incrementAndGet();
                awaitUp();
            }
        }
    }

    private void awaitUp() throws InterruptedException {
        Thread.sleep(200);
        while (down) {
            Thread.sleep(100);
        }
    }

    private void verify(Checks checks, double closedAfter) throws Exception {
        Set<String> numbers = new HashSet<>(acknowledgedReports.values());
        checks.expect("acknowledged reports", cases, acknowledgedReports.size());
        checks.expect("distinct case numbers among acknowledged reports", cases, numbers.size());
        checks.expect("jd_case rows (no duplicate from a retried report)", cases,
                checks.count("SELECT COUNT(*) FROM jd_case"));
        List<String> stored = checks.strings("SELECT case_number FROM jd_case");
        checks.expect("acknowledged cases missing from jd_case", 0, numbers.stream().filter(n -> !stored.contains(n)).count());
        checks.expect("process instances of supervisionCase", cases,
                checks.count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'supervisionCase'"));
        checks.expect("cases with other than exactly one process instance", 0, checks.count("""
                SELECT COUNT(*) FROM jd_case c WHERE (SELECT COUNT(*) FROM ACT_HI_PROCINST p
                 WHERE p.BUSINESS_KEY_ = c.case_number AND p.ID_ = c.process_instance_id) <> 1"""));
        checks.expect("process instances without a case record", 0, checks.count("""
                SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = 'supervisionCase'
                 AND NOT EXISTS (SELECT 1 FROM jd_case c WHERE c.process_instance_id = p.ID_)"""));
        checks.expect("case numbers gapless (highest number = count)", cases,
                checks.count("SELECT MAX(CAST(SUBSTRING(case_number FROM 9) AS INT)) FROM jd_case"));
        long triagedAcked = acknowledgedCompletions.stream().filter(c -> c.endsWith("/triageCase")).count();
        checks.expect("acknowledged triage completions not in the record", 0, acknowledgedCompletions.stream()
                .filter(c -> c.endsWith("/triageCase")).map(c -> c.substring(0, c.indexOf('/')))
                .filter(n -> {
                    try {
                        return checks.count("SELECT COUNT(*) FROM jd_case WHERE case_number = ? AND disposal IS NOT NULL", n) != 1;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).count());
        checks.expect("triage completions (acknowledged or found done on retry) = cases", cases,
                checks.count("SELECT COUNT(*) FROM jd_case WHERE disposal IS NOT NULL"));
        checks.expect("every case went on to its end (CLOSED)", cases,
                checks.count("SELECT COUNT(*) FROM jd_case WHERE stage = 'CLOSED'"));
        checks.expect("outcomes as decided", cases, checks.count("""
                SELECT COUNT(*) FROM jd_case WHERE (disposal = 'CLOSE' AND outcome = 'CLOSED_AT_TRIAGE')
                 OR (disposal = 'PRELIMINARY_VERIFICATION' AND outcome = 'UNSUBSTANTIATED')"""));
        checks.expect("closeCase ran once per case", cases, checks.count(
                "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'closeCase' AND END_TIME_ IS NOT NULL"));
        checks.expect("incidents", 0, checks.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT"));
        // The report schedules' timer-start jobs and history cleanup belong to no case and always stay.
        checks.expect("jobs of process instances left", 0, checks.count(
                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IS NOT NULL"));
        checks.expect("all closed in time", true, closedAfter >= 0);
        if (triagedAcked == 0) {
            checks.expect("some triage completions acknowledged", true, false);
        }
    }
}
