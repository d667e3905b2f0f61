package cn.jiandu.support;

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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Spring Boot application (Jiandu's jar or classes, the bare Camunda jar) run as a process of its
 * own, as in production: the bench measures it, and tests kill it as a power cut would.
 */
public final class AppProcess implements AutoCloseable {

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
     * Starts {@code java [jvmArgs] -jar jar --server.port=<free port> [args]} with this JVM's
     * environment and the variables given, and waits until the readiness probe answers UP.
     */
    public static AppProcess start(Path jar, List<String> jvmArgs, List<String> args, Map<String, String> env,
            Path log, Duration timeout) throws IOException, InterruptedException {
        List<String> target = new ArrayList<>(jvmArgs);
        target.addAll(List.of("-jar", jar.toString()));
        return launch(target, args, null, environment -> environment.putAll(env), log, timeout);
    }

    /**
     * Starts {@code java [jvmArgs] -cp classPath mainClass --server.port=<free port> [args]} in the working
     * directory given (where relative paths such as the embedded database's ./data point), with
     * this JVM's environment as {@code environment} changes it, and waits until it is ready.
     */
    public static AppProcess startMain(List<String> jvmArgs, String classPath, String mainClass, List<String> args,
            Path directory, Consumer<Map<String, String>> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> target = new ArrayList<>(jvmArgs);
        target.addAll(List.of("-cp", classPath, mainClass));
        return launch(target, args, directory, environment, log, timeout);
    }

    private static AppProcess launch(List<String> target, List<String> args, Path directory,
            Consumer<Map<String, String>> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(target);
        command.add("--server.port=" + port);
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (directory != null) {
            Files.createDirectories(directory);
            builder.directory(directory.toFile());
        }
        environment.accept(builder.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        AppProcess app = new AppProcess(process, port, log, 0);
        try {
            return app.awaitReady(start, timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            app.kill();
            throw e;
        }
    }

    /**
     * Ready is what Spring Boot's readiness probe says: UP only after the ApplicationReadyEvent
     * listeners (groups, demo users, models) have run, which is what a first request needs.
     */
    private AppProcess awaitReady(long start, Duration timeout) throws IOException, InterruptedException {
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
        throw new IllegalStateException("application not ready after " + timeout + ", see " + log);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public long readyMillis() {
        return readyMillis;
    }

    public Path log() {
        return log;
    }

    /** Resident memory of the process, from /proc (Linux). */
    public long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /**
     * SIGKILL (what destroyForcibly is on Linux), the process's own children first: no shutdown
     * hook, no flush, the machine "loses power" for this process. Returns once it is gone.
     */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " still alive 30 s after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
