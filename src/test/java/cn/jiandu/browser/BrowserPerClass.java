package cn.jiandu.browser;

import cn.jiandu.support.Chromium;
import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The one headless Chromium of a browser test class: required before the class runs (under CI a
 * missing browser fails it, see {@link Chromium}), started on first use against the test's server,
 * its page kept (HTML and PNG in target/screenshots) when a test fails, closed after the class.
 * <pre>
 * &#64;RegisterExtension
 * static final BrowserPerClass chromium = new BrowserPerClass("register");
 * ... browser = chromium.at(port);
 * </pre>
 */
final class BrowserPerClass implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private final String failedPagePrefix;
    private Browser browser;

    /** {@code name} prefixes the kept page of a failed test: failed-&lt;name&gt;-&lt;test method&gt;. */
    BrowserPerClass(String name) {
        this.failedPagePrefix = name.isEmpty() ? "failed-" : "failed-" + name + "-";
    }

    /** The class's browser, started at this application's port the first time a test asks. */
    Browser at(int port) throws IOException {
        if (browser == null) {
            browser = Browser.start("http://localhost:" + port);
        }
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.required();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (browser != null) {
            browser.keepPage(failedPagePrefix + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
