package cn.jiandu.mail;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Records a mail in Jiandu's outbox, in the transaction of the step that causes it: if the step
 * rolls back, so does the mail. Mails are rendered from templates in templates/mail/
 * (NAME.html and NAME.txt), with values escaped as text.
 */
@Service
public class MailOutbox {

    public static final String PENDING = "PENDING";

    private final JdbcTemplate jdbc;
    private final TemplateEngine templates;

    MailOutbox(JdbcTemplate jdbc, MailTemplates templates) {
        this.jdbc = jdbc;
        this.templates = templates.engine();
    }

    /** Records the mail unless nobody would receive it; returns whether it was recorded. */
    public boolean record(String kind, String caseNumber, Collection<String> recipients, String subject,
            String template, Map<String, Object> model) {
        if (recipients.isEmpty()) {
            return false;
        }
        Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, model);
        context.setVariable("subject", subject);
        String html = templates.process(template + ".html", context);
        String text = templates.process(template + ".txt", context);
        jdbc.update("""
                INSERT INTO jd_mail_outbox (kind, case_number, recipients, subject, text_body, html_body, status,
                    attempts, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""",
                kind, caseNumber, String.join(",", recipients), subject, text, html, PENDING, OffsetDateTime.now());
        return true;
    }
}
