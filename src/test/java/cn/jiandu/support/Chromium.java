package cn.jiandu.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's headless Chromium and its driver, which the browser tests drive. On a developer's machine
 * without them a browser test is skipped; under CI (the environment variable CI set, as .ci/run sets it)
 * it fails instead, since .ci/run installs them and a skipped page test would prove nothing.
 */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /** Call before a browser test: skipped without Chromium on a developer's machine, failed under CI. */
    public static void required() {
        String why = "Debian's chromium and chromium-driver are not installed (" + BINARY + ", " + DRIVER + ")";
        if (System.getenv("CI") != null && !installed()) {
            throw new AssertionError(why + ": under CI a browser test fails instead of skipping");
        }
        assumeTrue(installed(), why);
    }
}
