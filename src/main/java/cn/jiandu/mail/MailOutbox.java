package cn.jiandu.mail;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Records a mail in Jiandu's outbox, in the transaction of the step that causes it: if the step
 * rolls back, so does the mail and its delivery. Mails are rendered from templates in
 * templates/mail/ (NAME.html and NAME.txt), with values escaped as text. When an SMTP server is
 * configured, the same transaction starts the mailDelivery process that sends the mail; otherwise
 * the mail waits as PENDING until one is.
 */
@Service
public class MailOutbox {

    private final OutboxTable table;
    private final MailDeliveries deliveries;
    private final MailSettings settings;
    private final TemplateEngine templates;
    private final AddressSeal seal;

    MailOutbox(OutboxTable table, MailDeliveries deliveries, MailSettings settings, MailTemplates templates,
            AddressSeal seal) {
        this.seal = seal;
        this.table = table;
        this.deliveries = deliveries;
        this.settings = settings;
        this.templates = templates.engine();
    }

    /** Records the mail unless nobody would receive it; returns whether it was recorded. */
    public boolean record(String kind, String caseNumber, Collection<String> recipients, String subject,
            String template, Map<String, Object> model) {
        if (recipients.isEmpty()) {
            return false;
        }
        Context context = context(subject, model);
        long id = table.insert(kind, caseNumber, List.copyOf(recipients), subject,
                templates.process(template + ".txt", context), templates.process(template + ".html", context));
        startDelivery(id);
        return true;
    }

    /**
     * Records a mail to a reporter, whose address nobody may read: the outbox keeps it sealed (AddressSeal) and
     * shows {@link OutboxMail#SEALED_RECIPIENT} instead; only the delivery opens it, to send. Subject and model
     * must not name the reporter either.
     */
    public void recordToReporter(String kind, String caseNumber, String address, String subject, String template,
            Map<String, Object> model) {
        Context context = context(subject, model);
        long id = table.insertSealed(kind, caseNumber, seal.seal(OutboxMail.sealContext(caseNumber), address),
                subject, templates.process(template + ".txt", context), templates.process(template + ".html", context));
        startDelivery(id);
    }

    private static Context context(String subject, Map<String, Object> model) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, model);
        context.setVariable("subject", subject);
        return context;
    }

    private void startDelivery(long id) {
        if (settings.deliveryEnabled()) {
            deliveries.start(id, null);
        }
    }
}
