package cn.jiandu.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one outbox mail to the SMTP server, at most once: a mail the server accepted is marked SENT
 * at once in a transaction of its own, so that nothing the delivery job does afterwards can undo
 * that and cause a second send. A failed try is counted and its error kept, also in a transaction of
 * its own, and then thrown so that the engine retries the job.
 */
@Service
class SmtpDelivery {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final OutboxTable table;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;
    private final TransactionTemplate ownTransaction;

    SmtpDelivery(OutboxTable table, ObjectProvider<JavaMailSender> sender, MailSettings settings,
            PlatformTransactionManager transactionManager) {
        this.table = table;
        this.sender = sender;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void deliver(long mailId) {
        OutboxMail mail = table.find(mailId).orElseThrow(
                () -> new MailDeliveryException("邮件 " + mailId + " 不在待发送队列中"));
        if (mail.status() == MailStatus.SENT) {
            return;
        }
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            throw failure(mail, new IllegalStateException("未配置 SMTP 服务器"));
        }
        try {
            smtp.send(message(smtp, mail));
        } catch (MailSendException sendFailed) {
            // No failed message means the server accepted the mail and only closing the connection failed.
            if (!sendFailed.getFailedMessages().isEmpty()) {
                throw failure(mail, sendFailed);
            }
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            throw failure(mail, e);
        }
        ownTransaction.executeWithoutResult(status -> table.markSent(mail.id()));
    }

    private MailDeliveryException failure(OutboxMail mail, Exception cause) {
        String error = describe(cause);
        ownTransaction.executeWithoutResult(status -> table.recordFailure(mail.id(), error));
        return new MailDeliveryException("邮件 " + mail.id() + "（" + mail.subject() + "）发送失败：" + error, cause);
    }

    private MimeMessage message(JavaMailSender smtp, OutboxMail mail)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = smtp.createMimeMessage();
        message.setFrom(new InternetAddress(settings.from(), settings.fromName(), UTF_8));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", mail.recipients())));
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), UTF_8, "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        // A Message-ID of the outbox row: should a mail ever go out twice, mail programs show it once.
        message.setHeader("Message-ID", messageId(mail));
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private String messageId(OutboxMail mail) {
        String from = settings.from();
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "jiandu.local";
        return "<jiandu-mail-" + mail.id() + "." + mail.createdAt().toInstant().toEpochMilli() + "@" + domain + ">";
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
                text.append(text.isEmpty() ? "" : "；").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
    }

    /** A try that failed; the engine retries the delivery job. */
    static class MailDeliveryException extends RuntimeException {
        MailDeliveryException(String message) {
            super(message);
        }

        MailDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
