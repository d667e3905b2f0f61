package cn.jiandu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every run records about where it ran, and how it finds its jars and writes its results. */
final class Runs {

    private Runs() {
    }

    static Map<String, Object> machine() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
        }
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.exists(meminfo)) {
            Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .ifPresent(l -> m.put("memoryMiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024));
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    static Path jar(Path folder, String prefix) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".jar") && !p.toString().endsWith("plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + folder
                            + ": run bench/run.sh, which builds it"))
                    .toAbsolutePath();
        }
    }

    /** Writes &lt;prefix&gt;&lt;date-time&gt;.json and &lt;prefix&gt;latest.json. */
    static void write(Map<String, Object> result, Path folder, String prefix) throws Exception {
        Files.createDirectories(folder);
        String name = prefix + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "-" + DateTimeFormatter.ofPattern("HHmm")
                .format(OffsetDateTime.now(ZoneId.of("Asia/Shanghai"))) + ".json";
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(result);
        Files.write(folder.resolve(name), json);
        Files.write(folder.resolve(prefix + "latest.json"), json);
        System.out.println("written: " + folder.resolve(name) + " and " + folder.resolve(prefix + "latest.json"));
    }
}
