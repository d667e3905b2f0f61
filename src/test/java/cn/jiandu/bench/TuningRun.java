package cn.jiandu.bench;

import cn.jiandu.support.AppProcess;
import cn.jiandu.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/tune.sh: each setting tried against the defaults in the same run, in alternating rounds
 * (defaults, A, B, ..., defaults, A, B, ...) so that a machine getting busier or quieter does not
 * favour one of them. Each try starts Jiandu on a fresh database with the setting and measures the
 * route and the one-task process with 8 officers. Prints each setting's figures as a ratio to the
 * defaults of its round and writes bench/results/tuning-latest.json.
 *
 * <pre>
 * options: --rounds=2  --warmup=10  --seconds=45  --officers=8  --only=name,name  --out=bench/results
 * </pre>
 */
public final class TuningRun {

    private static final String DATABASE = "jiandu_tuning";

    /** The settings tried: name, then the application arguments that make it. */
    static final Map<String, List<String>> VARIANTS = variants();

    private static Map<String, List<String>> variants() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("defaults", List.of());
        // Jiandu's query tuning (planner costs, engine indexes, authorization groups as given) off: does it cost writes?
        v.put("Jiandu query tuning off", List.of("--jiandu.tuning.enabled=false"));
        v.put("jdbc-batch-processing off",
                List.of("--camunda.bpm.generic-properties.properties.jdbc-batch-processing=false"));
        v.put("history-level audit", List.of("--camunda.bpm.history-level=audit"));
        v.put("history removal time at start",
                List.of("--camunda.bpm.generic-properties.properties.history-removal-time-strategy=start"));
        v.put("Hikari pool 20", List.of("--spring.datasource.hikari.maximum-pool-size=20"));
        v.put("Hikari pool 5", List.of("--spring.datasource.hikari.maximum-pool-size=5"));
        v.put("job executor: 10 jobs per acquisition, queue 10",
                List.of("--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
                        "--camunda.bpm.job-execution.queue-capacity=10"));
        v.put("job executor: 1 thread", List.of("--camunda.bpm.job-execution.core-pool-size=1",
                "--camunda.bpm.job-execution.max-pool-size=1"));
        return v;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (see TuningRun's javadoc)");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        int officers = Integer.parseInt(options.getOrDefault("officers", "8"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "45")));
        List<String> only = options.containsKey("only") ? Arrays.asList(options.get("only").split(",")) : null;

        Path work = Path.of("target", "bench-tuning").toAbsolutePath();
        Files.createDirectories(work);
        Path jar = Runs.jar(Path.of("target"), "jiandu-");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString());
        result.put("machine", Runs.machine());
        Map<String, List<Map<String, Object>>> tries = new LinkedHashMap<>();
        try (Postgres postgres = Postgres.start(work)) {
            result.put("postgres", postgres.describe());
            for (int round = 1; round <= rounds; round++) {
                Map<String, Object> defaults = null;
                for (Map.Entry<String, List<String>> variant : VARIANTS.entrySet()) {
                    if (only != null && !variant.getKey().equals("defaults") && !only.contains(variant.getKey())) {
                        continue;
                    }
                    Map<String, Object> figures = once(postgres, jar, work, variant.getValue(), officers, warmup, measured);
                    figures.put("round", round);
                    if (defaults == null) {
                        defaults = figures;
                    } else {
                        figures.put("routeCompletionsRatioToDefaults", ratio(figures, defaults, "supervisionCaseRoute"));
                        figures.put("oneTaskCompletionsRatioToDefaults", ratio(figures, defaults, "oneTaskProcess"));
                    }
                    tries.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(figures);
                    System.out.printf("round %d, %s: %s%n", round, variant.getKey(), summary(figures));
                }
            }
        }
        result.put("variants", VARIANTS);
        result.put("tries", tries);
        result.put("loadAverageAtEnd", Runs.loadAverage());
        System.out.println();
        tries.forEach((name, list) -> System.out.printf("%-50s %s%n", name,
                list.stream().map(TuningRun::summary).toList()));
        String out = options.getOrDefault("out", "bench/results");
        if (!out.isEmpty()) {
            Runs.write(result, Path.of(out), "tuning-");
        }
    }

    private static Map<String, Object> once(Postgres postgres, Path jar, Path work, List<String> appArgs, int officers,
            Duration warmup, Duration measured) throws Exception {
        postgres.recreate(DATABASE);
        Map<String, String> env = Map.of("JIANDU_DB_URL", postgres.url(DATABASE), "JIANDU_DB_USER", postgres.user(),
                "JIANDU_DB_PASSWORD", postgres.password());
        try (AppProcess app = AppProcess.start(jar, List.of(), appArgs, env, work.resolve("logs/jiandu.log"),
                Duration.ofMinutes(5))) {
            Officers run = new Officers(new Http(app.port()), postgres, DATABASE);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("supervisionCaseRoute", run.supervisionCase(officers, warmup, measured).json());
            figures.put("oneTaskProcess", run.oneTask(officers, warmup, measured).json());
            figures.put("loadAverage", Runs.loadAverage());
            return figures;
        }
    }

    @SuppressWarnings("unchecked")
    private static double ratio(Map<String, Object> figures, Map<String, Object> defaults, String workload) {
        double value = Targets.number(((Map<String, Object>) figures.get(workload)).get("completionsPerSecond"));
        double base = Targets.number(((Map<String, Object>) defaults.get(workload)).get("completionsPerSecond"));
        return Math.round(value / base * 100) / 100.0;
    }

    @SuppressWarnings("unchecked")
    private static String summary(Map<String, Object> figures) {
        Map<String, Object> route = (Map<String, Object>) figures.get("supervisionCaseRoute");
        Map<String, Object> bare = (Map<String, Object>) figures.get("oneTaskProcess");
        return "route %s completions/s %s cases/s, one-task %s/s%s".formatted(route.get("completionsPerSecond"),
                route.get("casesPerSecond"), bare.get("completionsPerSecond"),
                figures.containsKey("routeCompletionsRatioToDefaults")
                        ? " (×%s, ×%s of defaults)".formatted(figures.get("routeCompletionsRatioToDefaults"),
                                figures.get("oneTaskCompletionsRatioToDefaults"))
                        : "");
    }
}
