package cn.jiandu.bench;

import cn.jiandu.support.AppProcess;
import cn.jiandu.support.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/run.sh: every figure of issue 8 in one run on one PostgreSQL, side by side, printed as a
 * table and written as JSON (bench/results/&lt;date&gt;.json and latest.json).
 *
 * <pre>
 * options: --open-cases=10000,100000  --officers=8  --warmup=15  --seconds=60  --commit-seconds=15
 *          --samples=200  --startup-runs=3  --skip=commit,route,open-cases,untuned,startup  --label=text
 *          --app-arg=--some.property=value (repeatable: run Jiandu with a setting to compare)
 *          --jvm-arg=-XX:StartFlightRecording=... (repeatable: JVM options of Jiandu's process, e.g. to profile)
 *          --out=bench/results  (empty: print only)
 *          --due-dates=as-loaded|steady  (the open tasks' due dates: as the loader left them, each stage on one day,
 *                            or spread as in a commission where cases come in every day; see DueDates)
 *          --keep-data=DIR  (the embedded server's data directory, kept between runs: the loaded open cases are
 *                            reused and only what is missing is added; the route figures are then taken on it too)
 * </pre>
 */
public final class BenchmarkRun {

    private static final String DATABASE = "jiandu_bench";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Path.of("target", "bench").toAbsolutePath();
        Files.createDirectories(work);
        Path jar = Runs.jar(Path.of("target"), "jiandu-");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("label", options.label);
        result.put("date", OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString());
        result.put("machine", Runs.machine());
        result.put("options", options.json());
        Map<String, Object> figures = new LinkedHashMap<>();
        result.put("figures", figures);
        long started = System.nanoTime();

        if (!options.skip.containsAll(List.of("commit", "route", "open-cases"))) {
            try (Postgres postgres = options.keepData.isEmpty() ? Postgres.start(work)
                    : Postgres.start(Path.of(options.keepData).toAbsolutePath(), false)) {
                result.put("postgres", postgres.describe());
                System.out.println("PostgreSQL: " + result.get("postgres"));
                if (!options.skip.contains("commit")) {
                    figures.put("commitRatePerSecond", commitRate(postgres, options));
                }
                if (!options.skip.containsAll(List.of("route", "open-cases"))) {
                    onJiandu(postgres, jar, work, options, figures);
                }
                result.put("slowestStatements", slowestStatements(postgres));
            }
        }

        if (!options.skip.contains("startup")) {
            Path bare = Runs.jar(Path.of("bench", "bare-camunda", "target"), "bare-camunda");
            figures.put("startupOnH2", new Startup(work).compare(jar, bare, options.startupRuns));
        }
        result.put("targets", Targets.evaluate(figures));
        result.put("minutes", Math.round((System.nanoTime() - started) / 6e9) / 10.0);
        result.put("loadAverageAtEnd", Runs.loadAverage());

        System.out.println();
        System.out.println(Table.render(result));
        if (!options.out.isEmpty()) {
            Runs.write(result, Path.of(options.out), "");
        }
    }

    private static Map<String, Object> commitRate(Postgres postgres, Options options) throws Exception {
        CommitRate commits = new CommitRate(postgres, "commit_rate");
        commits.prepare();
        Map<String, Object> commitRate = new LinkedHashMap<>();
        for (int connections : new int[] {1, 8}) {
            double tps = commits.run(connections, Duration.ofSeconds(3), Duration.ofSeconds(options.commitSeconds));
            commitRate.put(connections + "connections", Officers.round(tps));
            System.out.printf("commit rate, %d connection(s): %.0f/s%n", connections, tps);
        }
        return commitRate;
    }

    /** Everything measured through Jiandu's jar running on the PostgreSQL server. */
    private static void onJiandu(Postgres postgres, Path jar, Path work, Options options, Map<String, Object> figures)
            throws Exception {
        if (options.keepData.isEmpty() || !postgres.exists(DATABASE)) {
            postgres.recreate(DATABASE);
        } else {
            System.out.println("reusing database " + DATABASE + " in " + options.keepData);
            try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement()) {
                s.execute("SELECT pg_stat_statements_reset()");
            } catch (Exception notAvailable) {
                // statistics are simply not reset
            }
        }
        Map<String, String> env = Map.of("JIANDU_DB_URL", postgres.url(DATABASE), "JIANDU_DB_USER", postgres.user(),
                "JIANDU_DB_PASSWORD", postgres.password());
        try (AppProcess app = AppProcess.start(jar, options.jvmArgs, options.appArgs, env, work.resolve("logs/jiandu.log"),
                Duration.ofMinutes(5))) {
            System.out.printf("Jiandu ready on PostgreSQL after %d ms (pid %d)%n", app.readyMillis(), app.pid());
            Http client = new Http(app.port());
            if (!options.skip.contains("route")) {
                Officers officers = new Officers(client, postgres, DATABASE);
                Duration warmup = Duration.ofSeconds(options.warmup);
                Duration measured = Duration.ofSeconds(options.seconds);
                Officers.Throughput route = officers.supervisionCase(options.officers, warmup, measured);
                System.out.printf("supervisionCase route, %d officers: %.1f completions/s, %.2f cases/s, completion %s%n",
                        options.officers, route.completionsPerSecond(), route.casesPerSecond(), route.completionMillis());
                Officers.Throughput bare = officers.oneTask(options.officers, warmup, measured);
                System.out.printf("one-task process, %d officers: %.1f completions/s, completion %s%n",
                        options.officers, bare.completionsPerSecond(), bare.completionMillis());
                figures.put("supervisionCaseRoute", route.json());
                figures.put("oneTaskProcess", bare.json());
            }
            if (!options.skip.contains("open-cases")) {
                Latency latency = new Latency(client);
                Map<String, Object> atSize = new LinkedHashMap<>();
                for (int openCases : options.openCases) {
                    Map<String, Object> here = new LinkedHashMap<>();
                    here.put("loading", loadOpenCases(openCases, postgres, work));
                    here.put("dueDates", DueDates.shape(postgres, DATABASE, options.dueDates));
                    analyze(postgres);
                    here.put("openCases", openCases(postgres));
                    for (Map.Entry<String, String> group : GROUPS.entrySet()) {
                        here.put(group.getKey() + " (" + group.getValue() + ")",
                                latency.tasklistFirstPage(group.getValue(), group.getKey(), 30, options.samples));
                    }
                    System.out.printf("Tasklist first page at %d open cases: %s%n", openCases, here);
                    atSize.put(Integer.toString(openCases), here);
                }
                figures.put("tasklistFirstPage", atSize);
                String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
                Map<String, Object> report = latency.dailyReport("office1", today, 20);
                report.put("openCases", openCases(postgres));
                report.put("allCases", count(postgres, "SELECT COUNT(*) FROM jd_case"));
                figures.put("dailyReport", report);
                System.out.println("daily report: " + report);
            }
        }
        int largest = options.openCases.stream().max(Integer::compare).orElse(0);
        if (!options.skip.contains("open-cases") && !options.skip.contains("untuned") && largest <= UNTUNED_LIMIT) {
            figures.put("untunedAtLargestSize", untuned(postgres, jar, work, options, env));
        } else if (!options.skip.contains("open-cases") && !options.skip.contains("untuned")) {
            System.out.printf("without the tuning: not measured above %d open cases (hours: every count compares"
                    + " every task with every grant); run --open-cases=10000 --skip=commit,route,startup%n", UNTUNED_LIMIT);
        }
    }

    /**
     * The same pages on the same data without Jiandu's tuning (bench/README.md "Tuning"): the engine's
     * indexes, statistics and authorization-group shortcut removed, the application started with
     * jiandu.tuning.enabled=false. Before and after on one database, so that only the tuning differs.
     */
    private static Map<String, Object> untuned(Postgres postgres, Path jar, Path work, Options options,
            Map<String, String> env) throws Exception {
        try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement()) {
            for (String drop : UNTUNE) {
                s.execute(drop);
            }
            s.execute("ANALYZE");
        }
        List<String> appArgs = new ArrayList<>(options.appArgs);
        appArgs.add("--jiandu.tuning.enabled=false");
        Map<String, Object> here = new LinkedHashMap<>();
        here.put("removed", UNTUNE);
        try (AppProcess app = AppProcess.start(jar, options.jvmArgs, appArgs, env, work.resolve("logs/jiandu-untuned.log"),
                Duration.ofMinutes(5))) {
            Latency latency = new Latency(new Http(app.port()));
            long open = openCases(postgres);
            boolean withFilter = open <= 20_000;
            here.put("openCases", open);
            if (!withFilter) {
                here.put("tasklistFilterListAndCount", "not measured: each count compares every open task of the group"
                        + " with every grant of the group (minutes at this size); see the run at 10,000");
            }
            here.put("team-north (north1)", latency.tasklistFirstPage("north1", "team-north", 30, options.samples, withFilter));
            here.put("case-management (intake1)",
                    latency.tasklistFirstPage("intake1", "case-management", 30, options.samples, withFilter));
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            here.put("dailyReport", latency.dailyReport("office1", today, 20));
        }
        System.out.println("untuned: " + here);
        return here;
    }

    /** Every group that holds tasks of the loaded cases, with a user of it (OpenCaseLoader's mix). */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("team-north", "north1");
        GROUPS.put("team-south", "south1");
        GROUPS.put("case-management", "intake1");
        GROUPS.put("case-review", "review1");
        GROUPS.put("leaders", "leader1");
    }

    /** Above this many open cases the pages without the tuning take minutes each. */
    private static final int UNTUNED_LIMIT = 20_000;

    /** What Jiandu adds to the engine's tables (system/EngineIndexes, db/vendor/postgresql/V6). */
    private static final List<String> UNTUNE = List.of(
            "DROP INDEX IF EXISTS JD_IX_TASK_DUE_DATE",
            "DROP INDEX IF EXISTS JD_IX_TASK_PARENT",
            "DROP INDEX IF EXISTS JD_IX_AUTH_USER",
            "DROP INDEX IF EXISTS JD_IX_VAR_PUBLIC_REPORT",
            "DROP INDEX IF EXISTS JD_IX_IDENTITYLINK_GROUP",
            "DROP INDEX IF EXISTS JD_IX_TASK_COUNTED",
            "DROP STATISTICS IF EXISTS jd_st_authorization_perms",
            "DROP INDEX IF EXISTS jd_ix_case_open_unit");

    private static Map<String, Object> loadOpenCases(int target, Postgres postgres, Path work) throws Exception {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), OpenCaseLoader.class.getName(),
                Integer.toString(target), "--spring.datasource.url=" + postgres.url(DATABASE),
                // Cases that arrive over weeks have their decision and verification deadlines interleaved;
                // loaded within the hour they would not be unless both run equally long (bench/README.md).
                "--jiandu.deadlines.decision=P60D",
                "--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password()));
        Process loader = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(loader.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("open cases") || line.startsWith("  ") || line.startsWith("added")) {
                    System.out.println("  loader: " + line.trim());
                }
            }
        }
        if (loader.waitFor() != 0) {
            Files.write(work.resolve("logs/loader.log"), lines);
            throw new IllegalStateException("loading open cases failed, see " + work.resolve("logs/loader.log"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("how", "engine API inside Jiandu's application context, 100 cases per transaction (OpenCaseLoader)");
        m.put("seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        lines.stream().filter(l -> l.startsWith("added")).findFirst().ifPresent(l -> m.put("result", l));
        return m;
    }

    private static void analyze(Postgres postgres) throws Exception {
        try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    private static long openCases(Postgres postgres) throws Exception {
        return count(postgres, "SELECT COUNT(*) FROM jd_case WHERE stage <> 'CLOSED'");
    }

    private static long count(Postgres postgres, String sql) throws Exception {
        try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Where the database spent its time during the run (pg_stat_statements), for tuning. */
    private static List<Map<String, Object>> slowestStatements(Postgres postgres) {
        List<Map<String, Object>> top = new ArrayList<>();
        try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT calls, round(total_exec_time) AS total_ms,"
                        + " round((total_exec_time / calls)::numeric, 3) AS mean_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 300) AS query"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " ORDER BY total_exec_time DESC LIMIT 15")) {
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("calls", rs.getLong("calls"));
                m.put("totalMillis", rs.getLong("total_ms"));
                m.put("meanMillis", rs.getDouble("mean_ms"));
                m.put("query", rs.getString("query"));
                top.add(m);
            }
        } catch (Exception notAvailable) {
            // an external server without pg_stat_statements
        }
        return top;
    }

    private record Options(List<Integer> openCases, int officers, int warmup, int seconds, int commitSeconds,
            int samples, int startupRuns, List<String> skip, List<String> appArgs, List<String> jvmArgs, String label,
            String out, String keepData, String dueDates) {

        static Options parse(String[] args) {
            Map<String, String> single = new LinkedHashMap<>();
            List<String> appArgs = new ArrayList<>();
            List<String> jvmArgs = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--app-arg=")) {
                    appArgs.add(arg.substring("--app-arg=".length()));
                } else if (arg.startsWith("--jvm-arg=")) {
                    jvmArgs.add(arg.substring("--jvm-arg=".length()));
                } else if (arg.startsWith("--") && arg.contains("=")) {
                    single.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg + " (see BenchmarkRun's javadoc)");
                }
            }
            return new Options(
                    Arrays.stream(single.getOrDefault("open-cases", "10000,100000").split(",")).map(Integer::valueOf).toList(),
                    Integer.parseInt(single.getOrDefault("officers", "8")),
                    Integer.parseInt(single.getOrDefault("warmup", "15")),
                    Integer.parseInt(single.getOrDefault("seconds", "60")),
                    Integer.parseInt(single.getOrDefault("commit-seconds", "15")),
                    Integer.parseInt(single.getOrDefault("samples", "200")),
                    Integer.parseInt(single.getOrDefault("startup-runs", "3")),
                    List.of(single.getOrDefault("skip", "").split(",")),
                    appArgs,
                    jvmArgs,
                    single.getOrDefault("label", ""),
                    single.getOrDefault("out", "bench/results"),
                    single.getOrDefault("keep-data", ""),
                    single.getOrDefault("due-dates", DueDates.AS_LOADED));
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("openCases", openCases);
            m.put("officers", officers);
            m.put("warmupSeconds", warmup);
            m.put("measuredSeconds", seconds);
            m.put("commitRateSeconds", commitSeconds);
            m.put("latencySamples", samples);
            m.put("startupRuns", startupRuns);
            m.put("skip", skip);
            m.put("applicationArguments", appArgs);
            m.put("jvmArguments", jvmArgs);
            m.put("keptDataDirectory", keepData);
            m.put("dueDates", dueDates);
            return m;
        }
    }
}
