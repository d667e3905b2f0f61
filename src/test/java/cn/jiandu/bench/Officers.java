package cn.jiandu.bench;

import static cn.jiandu.support.PersonRows.person;
import cn.jiandu.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Officers working cases over HTTP as Tasklist users do: the whole supervisionCase route, version 2
 * (report, then every user task of the longest route a non-typical case takes), and for comparison a bare one-task process on the same
 * engine, same users, same REST calls. Throughput is counted inside a measured window after a warm-up.
 */
final class Officers {

    /** What one run gives: throughput in the window and the latency of each completion. */
    record Throughput(double completionsPerSecond, double casesPerSecond, long completions, long cases,
            double seconds, Percentiles completionMillis, int failures) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("completionsPerSecond", round(completionsPerSecond));
            m.put("casesPerSecond", round(casesPerSecond));
            m.put("completions", completions);
            m.put("cases", cases);
            m.put("seconds", round(seconds));
            m.put("completionLatencyMillis", completionMillis.json());
            m.put("failures", failures);
            return m;
        }
    }

    static final String ONE_TASK_PROCESS = "benchOneTask";

    private final Http client;
    private final Postgres postgres;
    private final String database;
    private final AtomicInteger serial = new AtomicInteger();

    Officers(Http client, Postgres postgres, String database) {
        this.client = client;
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * The full route version 2 (docs/route.md): triage, the leaders' approval of the disposal,
     * verification of three persons asking for fault tolerance, its review, a measure for each person,
     * the defence, the leaders' approval and service: 8 user tasks, then closeCase by the job executor.
     * The case is not typical, so it closes without waiting for a bulletin.
     */
    Throughput supervisionCase(int officers, Duration warmup, Duration measured) throws Exception {
        Window window = new Window(warmup, measured);
        Instant[] wall = new Instant[2];
        Throughput partial = run(officers, window, wall, officer -> {
            boolean north = officer % 2 == 0;
            String team = north ? "north1" : "south1";
            while (window.open()) {
                int n = serial.incrementAndGet();
                String unit = "压测街道 " + (n % 997);
                String caseNumber = client.post("intake1", "/api/cases", Map.of(
                        "title", "压测问题线索 " + n, "description", "基准测试：某社区未落实封闭管理",
                        "source", "PUBLIC_REPORT", "unit", unit, "personsInvolved", "社区主任某、街道书记某、副主任某",
                        "problemType", "RESPONSIBILITY_NOT_IMPLEMENTED", "zone", north ? "NORTH" : "SOUTH"))
                        .expect(201, "report").json().get("caseNumber").asText();
                String key = "processInstanceBusinessKey=" + caseNumber;
                work(window, "intake1", key, "triageCase", Map.of("problemType", "RESPONSIBILITY_NOT_IMPLEMENTED",
                        "severity", "SERIOUS", "zone", north ? "NORTH" : "SOUTH",
                        "disposal", "PRELIMINARY_VERIFICATION", "triageComment", "转片区初核"));
                work(window, "leader1", key, "approveDisposal", Map.of("disposalApproved", true));
                work(window, team, key, "verifyCase", Map.of("verificationOutcome", "ACCOUNTABILITY",
                        "findings", "未落实封闭管理属实", "persons", Http.json(persons(unit)),
                        "emergencyAction", false, "faultToleranceRequested", true));
                Map<String, Object> review = new LinkedHashMap<>(Map.of("faultToleranceOutcome", "NOT_APPLICABLE",
                        "faultToleranceReason", "不符合容错情形", "correctiveMeasures", "补齐值守，完善台账"));
                FAULT_TOLERANCE_CRITERIA.forEach(criterion -> review.put(criterion, false));
                work(window, "review1", key, "reviewFaultTolerance", review);
                work(window, "review1", key, "decideAccountability", Map.of("persons", Http.json(measures(unit)),
                        "typicalCase", false, "decisionReason", "逐人依规依纪提出处理意见"));
                work(window, "review1", key, "hearDefence", Map.of("defenceRecord", "三人均无异议",
                        "defenceChangesDecision", false));
                work(window, "leader1", key, "approveAccountability", Map.of("accountabilityApproved", true,
                        "approvalComment", "同意"));
                work(window, team, key, "serveDecision", Map.of("servedOn", LocalDate.now(SHANGHAI).toString()));
            }
        });
        long closed = closedBetween(wall[0], wall[1]);
        return new Throughput(partial.completionsPerSecond(), closed / partial.seconds(), partial.completions(),
                closed, partial.seconds(), partial.completionMillis(), partial.failures());
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> FAULT_TOLERANCE_CRITERIA = List.of("ftPublicInterest", "ftWithinProcedure",
            "ftNoPersonalGain", "ftNoProhibitionBroken", "ftLossRemedied");

    /** The three persons verification holds responsible: direct, principal and important leadership. */
    private static List<Map<String, Object>> persons(String unit) {
        return List.of(person("社区主任某", unit, "主任", "DIRECT"), person("街道书记某", unit, "书记", "PRINCIPAL_LEADERSHIP"),
                person("副主任某", unit, "副主任", "IMPORTANT_LEADERSHIP"));
    }

    /** A measure for each of the three, in the order verification entered them. */
    private static List<Map<String, Object>> measures(String unit) {
        return List.of(Map.of("name", "社区主任某", "unit", unit, "measure", "ADMONISHMENT"),
                Map.of("name", "街道书记某", "unit", unit, "measure", "CIRCULATED_CRITICISM"),
                Map.of("name", "副主任某", "unit", unit, "measure", "CRITICISM_EDUCATION"));
    }

    /** The engine alone: start a one-task process and complete its task, same users and REST calls. */
    Throughput oneTask(int officers, Duration warmup, Duration measured) throws Exception {
        deployOneTaskProcess();
        Window window = new Window(warmup, measured);
        Throughput partial = run(officers, window, new Instant[2], officer -> {
            while (window.open()) {
                String instance = client.post("intake1", "/engine-rest/process-definition/key/" + ONE_TASK_PROCESS
                        + "/start", Map.of("businessKey", "bench-" + serial.incrementAndGet()))
                        .expect(200, "start").json().get("id").asText();
                work(window, "intake1", "processInstanceId=" + instance, "oneTask", Map.of("done", true));
            }
        });
        // Each completion ends its instance: one case per completion.
        return new Throughput(partial.completionsPerSecond(), partial.completionsPerSecond(), partial.completions(),
                partial.completions(), partial.seconds(), partial.completionMillis(), partial.failures());
    }

    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong completions = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();

    private void work(Window window, String user, String query, String taskKey, Map<String, Object> variables) {
        JsonNode tasks = client.get(user, "/engine-rest/task?" + query + "&taskDefinitionKey=" + taskKey)
                .expect(200, taskKey + " query").json();
        if (tasks.isEmpty()) {
            throw new IllegalStateException(user + " sees no " + taskKey + " for " + query);
        }
        long start = System.nanoTime();
        client.complete(user, tasks.get(0).get("id").asText(), variables).expect(204, "complete " + taskKey);
        long end = System.nanoTime();
        if (window.counts(start, end)) {
            completions.incrementAndGet();
            latencies.add(end - start);
        }
    }

    private Throughput run(int officers, Window window, Instant[] wall, IntConsumer officer) throws Exception {
        latencies.clear();
        completions.set(0);
        failures.set(0);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int i = 0; i < officers; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                while (window.open()) {
                    try {
                        officer.accept(id);
                    } catch (RuntimeException e) {
                        // A lost case is counted and reported, the officer goes on with the next one.
                        failures.incrementAndGet();
                        synchronized (errors) {
                            if (errors.size() < 5) {
                                errors.add(e);
                            }
                        }
                    }
                }
            }, "officer-" + i);
            threads.add(t);
        }
        window.begin();
        threads.forEach(Thread::start);
        window.sleepUntilMeasuring();
        wall[0] = Instant.now();
        window.sleepUntilEnd();
        wall[1] = Instant.now();
        for (Thread t : threads) {
            t.join();
        }
        errors.forEach(e -> System.err.println("  officer failure: " + e.getMessage()));
        double seconds = window.measuredSeconds();
        return new Throughput(completions.get() / seconds, 0, completions.get(), 0, seconds,
                Percentiles.ofNanos(latencies), failures.get());
    }

    /** Cases closed by the job executor in the window: the route is finished only when closeCase has run. */
    private long closedBetween(Instant from, Instant to) throws Exception {
        Thread.sleep(2000); // let the job executor close what was completed just before the window ended
        try (Connection c = postgres.connect(database);
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM jd_case WHERE closed_at >= ? AND closed_at < ? AND title LIKE '压测%'")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void deployOneTaskProcess() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="benchOneTaskDefinitions"
                    targetNamespace="http://jiandu.cn/bench">
                  <bpmn:process id="%s" name="基准：单任务流程" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="started"><bpmn:outgoing>toTask</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:sequenceFlow id="toTask" sourceRef="started" targetRef="oneTask" />
                    <bpmn:userTask id="oneTask" name="办理" camunda:candidateGroups="case-management"
                        camunda:formRef="triageCaseForm" camunda:formRefBinding="latest">
                      <bpmn:incoming>toTask</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="toEnd" sourceRef="oneTask" targetRef="ended" />
                    <bpmn:endEvent id="ended"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(ONE_TASK_PROCESS);
        client.postMultipart("admin", "/engine-rest/deployment/create", Map.of("deployment-name", "bench-one-task",
                "enable-duplicate-filtering", "true"), Map.of("bench-one-task.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)))
                .expect(200, "deploy the one-task process");
        JsonNode existing = client.get("admin", "/engine-rest/authorization?groupIdIn=case-management&resourceType=6"
                + "&resourceId=" + ONE_TASK_PROCESS).expect(200, "authorizations").json();
        if (existing.isEmpty()) {
            client.post("admin", "/engine-rest/authorization/create", Map.of("type", 1,
                    "permissions", List.of("READ", "CREATE_INSTANCE"), "groupId", "case-management",
                    "resourceType", 6, "resourceId", ONE_TASK_PROCESS)).expect(200, "grant start of the one-task process");
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Warm-up, then a measured window; work is counted only if it both starts and ends inside it. */
    static final class Window {
        private final Duration warmup;
        private final Duration measured;
        private volatile long begin;

        Window(Duration warmup, Duration measured) {
            this.warmup = warmup;
            this.measured = measured;
        }

        void begin() {
            begin = System.nanoTime();
        }

        boolean open() {
            return System.nanoTime() < end();
        }

        boolean counts(long start, long end) {
            return start >= begin + warmup.toNanos() && end <= end();
        }

        private long end() {
            return begin + warmup.toNanos() + measured.toNanos();
        }

        void sleepUntilMeasuring() throws InterruptedException {
            sleepUntil(begin + warmup.toNanos());
        }

        void sleepUntilEnd() throws InterruptedException {
            sleepUntil(end());
        }

        double measuredSeconds() {
            return measured.toMillis() / 1000.0;
        }

        private static void sleepUntil(long nanos) throws InterruptedException {
            long wait;
            while ((wait = nanos - System.nanoTime()) > 0) {
                Thread.sleep(Math.max(1, wait / 1_000_000));
            }
        }
    }
}
