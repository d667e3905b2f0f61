package cn.jiandu.support;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Jiandu run as in production, in a JVM of its own, from this build's classes: working directory {@code home}
 * (where the embedded database's ./data lies), no JIANDU_ or SPRING_ variable of the build's environment, only
 * those given — so that the kill tests can SIGKILL it and start it again on the same files.
 */
public final class JianduFromClasses {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Quicker to start on a busy build machine (no C2 compiles, one GC thread); nothing of the database's. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private JianduFromClasses() {
    }

    /** Starts Jiandu in {@code home} with the arguments and variables given; its log is home/NAME.log. */
    public static AppProcess start(Path home, String name, List<String> args, Map<String, String> variables)
            throws Exception {
        return AppProcess.startMain(JVM_OPTIONS, applicationClassPath(), "cn.jiandu.JianduApplication", args, home,
                environment -> {
                    environment.keySet().removeIf(variable -> variable.startsWith("JIANDU_")
                            || variable.startsWith("SPRING_"));
                    environment.putAll(variables);
                }, home.resolve(name + ".log"), START_TIMEOUT);
    }

    /** This JVM's class path without the test classes: target/classes and the dependencies. */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
