package cn.jiandu.mail;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where Jiandu is reached from outside (jiandu.public-url), for links in mails and in the public feed.
 * A page answering a request links to the host it was asked on when no public URL is set. A mail has
 * no request: without a public URL its links point to this machine (http://localhost:port), which
 * opens nowhere else, so a start without one warns.
 */
@Component
public class TaskLinks {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLinks.class);

    private final String configured;
    private final String mailBase;

    TaskLinks(@Value("${jiandu.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
        String trimmed = publicUrl == null ? "" : publicUrl.strip();
        this.configured = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        // server.port 0 (a random port, in tests) is known only later: the usual port is the last resort.
        this.mailBase = configured.isEmpty() ? "http://localhost:" + (port > 0 ? port : 8080) : configured;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfMailsLinkToThisMachine() {
        if (configured.isEmpty()) {
            LOG.warn("未设置 JIANDU_PUBLIC_URL（jiandu.public-url）：邮件中的任务链接将指向 {}，收件人在其他电脑上无法打开。"
                    + "请将其设为干部访问本系统的地址，例如 https://jiandu.example.gov.cn", mailBase);
        }
    }

    /**
     * Opens the task itself in Tasklist, through Jiandu (/tasks/{id}): Tasklist's login forgets the task a
     * link named, Jiandu's login comes back to it (TaskLinkPage).
     */
    public String task(String taskId) {
        return mailBase + "/tasks/" + taskId;
    }

    /** A leader's approval on one page that reads on a phone (approvals/ApprovalPages). */
    public String approval(String taskId) {
        return mailBase + "/approvals/" + taskId;
    }

    /** The task in Tasklist, from a page of this application (same host). */
    public static String taskPath(String taskId) {
        return "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** Tasklist, for a mail whose task is gone. */
    public String tasklist() {
        return mailBase + "/camunda/app/tasklist/default/";
    }

    /** Base of links in mails. */
    public String publicUrl() {
        return mailBase;
    }

    /**
     * Base of links in an answer to this request: the public URL if one is set, else the scheme, host,
     * port and context path the request came to. Forwarded headers count only where
     * server.forward-headers-strategy applies them to the request; they are not read here.
     */
    public String publicUrl(HttpServletRequest request) {
        return configured.isEmpty() ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : configured;
    }
}
