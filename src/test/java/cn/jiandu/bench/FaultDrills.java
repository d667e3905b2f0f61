package cn.jiandu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/faults.sh: the fault tests that take longer than a test should, each against Jiandu's jar
 * as separate processes on one PostgreSQL. Prints every check and writes
 * bench/results/faults-latest.json; exits with 1 when a check failed.
 *
 * <pre>
 * options: --drills=kill,two-nodes  --cases=500  --timers=1000  --hold=PT10S  --threads=6
 *          --app-arg=--some.property=value (repeatable)  --out=bench/results
 * </pre>
 */
public final class FaultDrills {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--app-arg=")) {
                appArgs.add(arg.substring("--app-arg=".length()));
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (see FaultDrills' javadoc)");
            }
        }
        List<String> drills = List.of(options.getOrDefault("drills", "kill,two-nodes").split(","));
        int threads = Integer.parseInt(options.getOrDefault("threads", "6"));
        Path work = Path.of("target", "bench-faults").toAbsolutePath();
        Files.createDirectories(work);
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("jiandu-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/jiandu-*.jar: run bench/faults.sh")).toAbsolutePath();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("applicationArguments", appArgs);
        boolean passed = true;
        try (Postgres postgres = Postgres.start(work)) {
            result.put("postgres", postgres.describe());
            if (drills.contains("kill")) {
                int cases = Integer.parseInt(options.getOrDefault("cases", "500"));
                System.out.printf("SIGKILL drill: %d cases, %d clients%n", cases, threads);
                Map<String, Object> kill = new KillDrill(postgres, jar, work, cases, threads, appArgs).run();
                result.put("sigkillWhileReportingAndWorking", kill);
                passed &= Boolean.TRUE.equals(kill.get("passed"));
            }
            if (drills.contains("two-nodes")) {
                int timers = Integer.parseInt(options.getOrDefault("timers", "1000"));
                String hold = options.getOrDefault("hold", "PT10S");
                System.out.printf("Two-node drill: %d hold timers of %s, %d clients%n", timers, hold, threads);
                Map<String, Object> two = new TwoNodeDrill(postgres, jar, work, timers, threads, hold, appArgs).run();
                result.put("twoNodesOnePostgres", two);
                passed &= Boolean.TRUE.equals(two.get("passed"));
            }
        }
        result.put("passed", passed);
        String out = options.getOrDefault("out", "bench/results");
        if (!out.isEmpty()) {
            Path folder = Path.of(out);
            Files.createDirectories(folder);
            byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(result);
            Files.write(folder.resolve("faults-" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + ".json"), json);
            Files.write(folder.resolve("faults-latest.json"), json);
        }
        System.out.println(passed ? "fault drills: all checks passed" : "fault drills: FAILED");
        System.exit(passed ? 0 : 1);
    }
}
