package cn.jiandu.bench;

import cn.jiandu.JianduApplication;
import cn.jiandu.publicreport.Citizen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public reporting page on PostgreSQL: {@code bench/public-report.sh [seconds] [threads]} (default 60 s, 4).
 * Submissions: each a multipart POST /report with the challenge verified and spent, a named identity sealed,
 * one photo every fourth report, the case started through registerCase into triage, all in one transaction. The
 * challenges are fetched and solved (the deployed difficulty, 100,000) before the clock starts, so that the
 * solving — the citizen's phone's work — does not take the server's cores; the limits per client are lifted (one
 * bench client is one address). Then the status page: 20 warm-up look-ups, 200 one after another with codes of
 * the reports made, p50/p95/p99.
 */
public final class PublicReportRun {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (Postgres postgres = Postgres.start(Path.of("target", "bench-public-report"))) {
            try (var c = java.sql.DriverManager.getConnection(postgres.url("postgres"), postgres.user(),
                    postgres.password()); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS public_report_bench WITH (FORCE)");
                s.execute("CREATE DATABASE public_report_bench");
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JianduApplication.class)
                    .properties(Map.of("camunda.bpm.job-execution.enabled", "false", "server.port", "0",
                            "logging.level.root", "WARN"))
                    // Arguments, not default properties: application.yaml's settings would win over those.
                    .run("--jiandu.public-report.per-client-per-minute=1000000",
                            "--jiandu.public-report.overall-per-minute=1000000",
                            "--jiandu.public-report.status-per-client-per-minute=1000000",
                            "--jiandu.public-report.daily-alert-threshold=0",
                            "--spring.datasource.url=" + postgres.url("public_report_bench"),
                            "--spring.datasource.username=" + postgres.user(),
                            "--spring.datasource.password=" + postgres.password())) {
                Citizen citizen = new Citizen(((WebServerApplicationContext) app).getWebServer().getPort());
                List<String> codes = submissions(citizen, seconds, threads);
                status(citizen, codes);
            }
        }
    }

    private static List<String> submissions(Citizen citizen, int seconds, int threads) throws Exception {
        // Enough solved challenges for the run at up to 60 reports a second; solved in parallel before the clock starts.
        int needed = Math.max(200, seconds * 60);
        ConcurrentLinkedQueue<String> solved = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long solving = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                while (solved.size() < needed) {
                    solved.add(citizen.solvedChallenge());
                }
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        System.out.printf("solved %d challenges in %.1f s (%.1f ms each on one core of this machine)%n", solved.size(),
                (System.nanoTime() - solving) / 1e9, (System.nanoTime() - solving) / 1e6 * threads / solved.size());

        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger serial = new AtomicInteger();
        byte[] photo = Citizen.photo();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        work.clear();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String challenge = solved.poll();
                    if (challenge == null) {
                        break;
                    }
                    int n = serial.incrementAndGet();
                    Map<String, String> form = new LinkedHashMap<>(Citizen.named("压测举报 " + n,
                            "139" + String.format("%08d", n)));
                    form.put("altcha", challenge);
                    long sent = System.nanoTime();
                    Citizen.Page page = citizen.post(form, n % 4 == 0 ? Map.of("现场.jpg", photo) : Map.of());
                    latencies.add(System.nanoTime() - sent);
                    if (page.status() == 200) {
                        codes.add(page.code());
                    } else {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("public submissions: %d accepted, %d refused in %.1f s with %d threads = %.1f/s sustained;"
                + " latency %s%n", codes.size(), refused.get(), elapsed, threads, codes.size() / elapsed,
                Percentiles.ofNanos(latencies));
        return codes;
    }

    private static void status(Citizen citizen, List<String> codes) {
        for (int i = 0; i < 20; i++) {
            citizen.status(codes.get(i % codes.size()));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long sent = System.nanoTime();
            Citizen.Page page = citizen.status(codes.get((i * 7919) % codes.size()));
            nanos.add(System.nanoTime() - sent);
            if (!page.body().contains("已受理")) {
                throw new IllegalStateException("status page without its stage:\n" + page.body());
            }
        }
        System.out.println("status page (/report/status, POST with the code): " + Percentiles.ofNanos(nanos));
    }
}
