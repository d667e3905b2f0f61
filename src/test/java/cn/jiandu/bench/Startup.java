package cn.jiandu.bench;

import cn.jiandu.support.AppProcess;
import cn.jiandu.support.EmbeddedDefault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start to ready (readiness probe UP) and resident memory on a fresh H2 file database with the
 * embedded default's settings (both apps write each commit before answering): Jiandu's jar
 * against a bare Camunda starter application (bench/bare-camunda) built by the same harness,
 * started alternately so that both see the same noise.
 */
final class Startup {

    private final Path workDirectory;

    Startup(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    Map<String, Object> compare(Path jiandu, Path bare, int runs) throws Exception {
        List<double[]> jianduRuns = new ArrayList<>();
        List<double[]> bareRuns = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            jianduRuns.add(once(jiandu, "jiandu-" + run));
            bareRuns.add(once(bare, "bare-" + run));
            System.out.printf("  startup run %d: Jiandu %.0f ms %.0f MiB, bare Camunda %.0f ms %.0f MiB%n", run,
                    jianduRuns.get(run - 1)[0], jianduRuns.get(run - 1)[1], bareRuns.get(run - 1)[0],
                    bareRuns.get(run - 1)[1]);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("jiandu", summary(jianduRuns));
        m.put("bareCamunda", summary(bareRuns));
        return m;
    }

    private double[] once(Path jar, String name) throws Exception {
        Path data = workDirectory.resolve("h2-" + name);
        deleteRecursively(data);
        Files.createDirectories(data);
        try (AppProcess app = AppProcess.start(jar, List.of(),
                List.of("--spring.datasource.url=" + EmbeddedDefault.urlIn(data)),
                Map.of(), workDirectory.resolve("logs/startup-" + name + ".log"), Duration.ofMinutes(3))) {
            Thread.sleep(2000); // what it holds once settled, not at the instant of readiness
            return new double[] {app.readyMillis(), app.residentMegabytes()};
        } finally {
            deleteRecursively(data);
        }
    }

    private static Map<String, Object> summary(List<double[]> runs) {
        double[] ready = runs.stream().mapToDouble(r -> r[0]).toArray();
        double[] rss = runs.stream().mapToDouble(r -> r[1]).toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("readyMillisMedian", Math.round(Percentiles.median(ready)));
        m.put("readyMillis", ready);
        m.put("residentMiBMedian", Math.round(Percentiles.median(rss)));
        m.put("residentMiB", rss);
        return m;
    }

    static void deleteRecursively(Path path) throws java.io.IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
