package cn.jiandu.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * How mails go out: the sender, the retry cycle of a failed delivery (read by mail-delivery.bpmn as
 * ${mailSettings.retryCycle}) and whether an SMTP server is configured at all.
 */
@Component("mailSettings")
public class MailSettings {

    private final String smtpHost;
    private final String from;
    private final String fromName;
    private final String retryCycle;

    MailSettings(@Value("${spring.mail.host:}") String smtpHost,
            @Value("${jiandu.mail.from}") String from,
            @Value("${jiandu.mail.from-name}") String fromName,
            @Value("${jiandu.mail.retry-cycle}") String retryCycle) {
        this.smtpHost = smtpHost == null ? "" : smtpHost.trim();
        this.from = from;
        this.fromName = fromName;
        this.retryCycle = retryCycle;
    }

    /** Mails are delivered only when an SMTP server is configured; otherwise they wait in the outbox. */
    public boolean deliveryEnabled() {
        return StringUtils.hasText(smtpHost);
    }

    public String getRetryCycle() {
        return retryCycle;
    }

    String from() {
        return from;
    }

    String fromName() {
        return fromName;
    }
}
