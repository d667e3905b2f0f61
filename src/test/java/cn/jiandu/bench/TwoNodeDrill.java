package cn.jiandu.bench;

import cn.jiandu.support.AppProcess;
import cn.jiandu.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two Jiandu nodes on one PostgreSQL, both with their job executors on. Cases are reported and put
 * on hold (暂存待查) through either node with a short hold; every hold timer must fire exactly once,
 * bringing each case back to triage once, whichever node fires it. Then the returned cases are
 * closed at triage through either node, and each closeCase job runs once.
 */
final class TwoNodeDrill {

    private static final String DATABASE = "jiandu_two_nodes";

    private final Postgres postgres;
    private final Path jar;
    private final Path work;
    private final int cases;
    private final int threads;
    private final String hold;
    private final List<String> appArgs;

    TwoNodeDrill(Postgres postgres, Path jar, Path work, int cases, int threads, String hold, List<String> appArgs) {
        this.postgres = postgres;
        this.jar = jar;
        this.work = work;
        this.cases = cases;
        this.threads = threads;
        this.hold = hold;
        this.appArgs = appArgs;
    }

    Map<String, Object> run() throws Exception {
        postgres.recreate(DATABASE);
        Map<String, String> env = Map.of("JIANDU_DB_URL", postgres.url(DATABASE), "JIANDU_DB_USER", postgres.user(),
                "JIANDU_DB_PASSWORD", postgres.password(), "JIANDU_HOLD_DURATION", hold);
        Map<String, Object> result = new LinkedHashMap<>();
        // One after the other: the first creates the schema, as a rolling start in production would.
        try (AppProcess a = AppProcess.start(jar, List.of(), args("node-a"), env, work.resolve("logs/node-a.log"),
                        Duration.ofMinutes(5));
                AppProcess b = AppProcess.start(jar, List.of(), args("node-b"), env, work.resolve("logs/node-b.log"),
                        Duration.ofMinutes(5))) {
            Http[] nodes = {new Http(a.port()), new Http(b.port())};
            long start = System.nanoTime();
            ConcurrentLinkedQueue<String> onHold = new ConcurrentLinkedQueue<>();
            AtomicInteger[] completedOn = {new AtomicInteger(), new AtomicInteger()};
            AtomicInteger next = new AtomicInteger();
            parallel(() -> {
                int n;
                while ((n = next.getAndIncrement()) < cases) {
                    Http reportVia = nodes[n % 2];
                    Http triageVia = nodes[(n + 1) % 2];
                    String caseNumber = reportVia.post("intake1", "/api/cases", Map.of("title", "双节点演练 " + n,
                            "description", "暂存待查，期满后回到研判", "source", "INSPECTION", "unit", "演练单位 " + n % 40,
                            "zone", n % 3 == 0 ? "SOUTH" : "NORTH")).expect(201, "report").json().get("caseNumber").asText();
                    triage(triageVia, caseNumber, "HOLD");
                    completedOn[(n + 1) % 2].addAndGet(2);
                    onHold.add(caseNumber);
                }
            });
            double reportedSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %d cases reported and put on hold in %.0f s%n", cases, reportedSeconds);
            Checks checks = new Checks(postgres, DATABASE);
            double firedAfter = checks.awaitCount(cases, 600,
                    "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'caseOnHold' AND END_TIME_ IS NOT NULL");
            System.out.printf("  all hold timers fired %.0f s after the last case was put on hold%n", firedAfter);
            List<String> returned = new ArrayList<>(onHold);
            AtomicInteger index = new AtomicInteger();
            parallel(() -> {
                int i;
                while ((i = index.getAndIncrement()) < returned.size()) {
                    triage(nodes[i % 2], returned.get(i), "CLOSE");
                    completedOn[i % 2].addAndGet(2);
                }
            });
            double closedAfter = checks.awaitCount(cases, 600,
                    "SELECT COUNT(*) FROM jd_case WHERE stage = 'CLOSED'");
            result.put("holdDuration", hold);
            result.put("drillSeconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
            result.put("reportAndHoldSeconds", Math.round(reportedSeconds * 10) / 10.0);
            result.put("secondsUntilAllTimersFiredAfterLastHold", firedAfter);
            result.put("completionsThroughNode", Map.of("node-a", completedOn[0].get(), "node-b", completedOn[1].get()));
            Map<String, Long> timersByNode = checks.grouped("""
                    SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE ACT_ID_ = 'caseOnHold' AND JOB_STATE_ = 2
                    GROUP BY HOSTNAME_ ORDER BY HOSTNAME_""");
            Map<String, Long> closesByNode = checks.grouped("""
                    SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE ACT_ID_ = 'closeCase' AND JOB_STATE_ = 2
                    GROUP BY HOSTNAME_ ORDER BY HOSTNAME_""");
            result.put("holdTimersFiredByNode", timersByNode);
            result.put("closeCaseJobsByNode", closesByNode);
            result.put("failedJobAttempts (retried)", checks.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1"));
            verify(checks, firedAfter, closedAfter, timersByNode);
            // Which node fires a timer is up to job acquisition (an idle node backs off up to a minute); informative only.
            result.put("passed", checks.passed());
            result.put("checks", checks.list());
        }
        return result;
    }

    private List<String> args(String node) {
        List<String> args = new ArrayList<>(appArgs);
        // The job log records which node ran each job.
        args.add("--camunda.bpm.generic-properties.properties.hostname=" + node);
        return args;
    }

    /** Triage, then the leaders' approval without which route version 2 neither holds nor closes a case. */
    private static void triage(Http via, String caseNumber, String disposal) {
        JsonNode tasks = via.get("intake1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=triageCase").expect(200, "task query").json();
        if (tasks.size() != 1) {
            throw new IllegalStateException(caseNumber + " has " + tasks.size() + " triage tasks");
        }
        via.complete("intake1", tasks.get(0).get("id").asText(), Map.of("problemType", "OTHER", "severity", "MINOR",
                "zone", "NORTH", "disposal", disposal, "triageComment", "双节点演练"))
                .expect(204, "triage " + disposal + " of " + caseNumber);
        JsonNode approvals = via.get("leader1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=approveDisposal").expect(200, "task query").json();
        if (approvals.size() != 1) {
            throw new IllegalStateException(caseNumber + " has " + approvals.size() + " disposal approvals");
        }
        via.complete("leader1", approvals.get(0).get("id").asText(), Map.of("disposalApproved", true))
                .expect(204, "approve " + disposal + " of " + caseNumber);
    }

    private void parallel(Runnable work) throws Exception {
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.get(0));
        }
    }

    private void verify(Checks checks, double firedAfter, double closedAfter, Map<String, Long> timersByNode)
            throws Exception {
        checks.expect("cases", cases, checks.count("SELECT COUNT(*) FROM jd_case"));
        checks.expect("case numbers gapless across both nodes", cases,
                checks.count("SELECT MAX(CAST(SUBSTRING(case_number FROM 9) AS INT)) FROM jd_case"));
        checks.expect("hold timers fired in time", true, firedAfter >= 0);
        checks.expect("hold timers fired (caseOnHold ended)", cases, checks.count(
                "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'caseOnHold' AND END_TIME_ IS NOT NULL"));
        checks.expect("cases whose timer fired other than exactly once", 0, checks.count("""
                SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'caseOnHold'
                 AND END_TIME_ IS NOT NULL GROUP BY PROC_INST_ID_ HAVING COUNT(*) <> 1) x"""));
        checks.expect("successful timer executions in the job log", cases, timersByNode.values().stream()
                .mapToLong(Long::longValue).sum());
        checks.expect("timer jobs executed successfully more than once", 0, checks.count("""
                SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE ACT_ID_ = 'caseOnHold' AND JOB_STATE_ = 2
                 GROUP BY JOB_ID_ HAVING COUNT(*) > 1) x"""));
        checks.expect("cases back at triage exactly once (two triageCase instances each)", cases, checks.count("""
                SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'triageCase'
                 GROUP BY PROC_INST_ID_ HAVING COUNT(*) = 2) x"""));
        checks.expect("closed in time", true, closedAfter >= 0);
        checks.expect("cases closed at triage", cases, checks.count(
                "SELECT COUNT(*) FROM jd_case WHERE stage = 'CLOSED' AND outcome = 'CLOSED_AT_TRIAGE'"));
        checks.expect("closeCase ran once per case", cases, checks.count("""
                SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_ID_ = 'closeCase'
                 AND END_TIME_ IS NOT NULL GROUP BY PROC_INST_ID_ HAVING COUNT(*) = 1) x"""));
        checks.expect("incidents", 0, checks.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT"));
    }
}
