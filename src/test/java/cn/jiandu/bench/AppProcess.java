package cn.jiandu.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Spring Boot application (Jiandu's jar, the bare Camunda jar) run as a process of its own, as in production. */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final long readyMillis;

    private AppProcess(Process process, int port, Path log, long readyMillis) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.readyMillis = readyMillis;
    }

    /**
     * Starts {@code java [jvmArgs] -jar jar --server.port=<free port> [args]} with the environment
     * given and waits until the readiness probe answers UP.
     */
    static AppProcess start(Path jar, List<String> jvmArgs, List<String> args, Map<String, String> env, Path log,
            Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("application ended with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return new AppProcess(process, port, log, (System.nanoTime() - start) / 1_000_000);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("application not ready after " + timeout + ", see " + log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    long readyMillis() {
        return readyMillis;
    }

    Path log() {
        return log;
    }

    /** Resident memory of the process, from /proc (Linux). */
    long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** SIGKILL: no shutdown hook, no flush, the machine "loses power" for this process. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
