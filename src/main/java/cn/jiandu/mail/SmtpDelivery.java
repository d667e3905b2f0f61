package cn.jiandu.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
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
    private final AddressSeal seal;

    SmtpDelivery(OutboxTable table, ObjectProvider<JavaMailSender> sender, MailSettings settings,
            PlatformTransactionManager transactionManager, AddressSeal seal) {
        this.seal = seal;
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
            throw failure(mail, List.of(), new IllegalStateException("未配置 SMTP 服务器"));
        }
        List<String> to = recipients(mail);
        try {
            smtp.send(message(smtp, mail, to));
        } catch (MailSendException sendFailed) {
            // No failed message means the server accepted the mail and only closing the connection failed.
            if (!sendFailed.getFailedMessages().isEmpty()) {
                throw failure(mail, to, sendFailed);
            }
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            throw failure(mail, to, e);
        }
        ownTransaction.executeWithoutResult(status -> table.markSent(mail.id()));
    }

    /** The addresses to send to: a reporter's is opened here, for this try only, and never stored or logged. */
    private List<String> recipients(OutboxMail mail) {
        if (!mail.isSealed()) {
            return mail.recipients();
        }
        if (mail.sealedRecipient() == null) {
            throw failure(mail, List.of(), new IllegalStateException("举报人的邮箱地址已不在待发送队列中，无法发送"));
        }
        try {
            return Arrays.stream(seal.open(OutboxMail.sealContext(mail.caseNumber()), mail.sealedRecipient()).split(","))
                    .map(String::strip).filter(address -> !address.isEmpty()).toList();
        } catch (RuntimeException notOpened) {
            throw failure(mail, List.of(), notOpened);
        }
    }

    /**
     * Counts a failed try and keeps its error. A reporter's mail keeps neither the address nor the cause: the
     * server's answer may quote the address, and the engine stores the cause's stack trace and logs it.
     */
    private MailDeliveryException failure(OutboxMail mail, List<String> opened, Exception cause) {
        String error = describe(cause);
        if (mail.isSealed()) {
            for (String address : opened) {
                error = error.replaceAll("(?i)" + Pattern.quote(address), OutboxMail.SEALED_RECIPIENT);
            }
        }
        String kept = error;
        ownTransaction.executeWithoutResult(status -> table.recordFailure(mail.id(), kept));
        String message = "邮件 " + mail.id() + "（" + mail.subject() + "）发送失败：" + error;
        return mail.isSealed() ? new MailDeliveryException(message) : new MailDeliveryException(message, cause);
    }

    private MimeMessage message(JavaMailSender smtp, OutboxMail mail, List<String> to)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = smtp.createMimeMessage();
        message.setFrom(new InternetAddress(settings.from(), settings.fromName(), UTF_8));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to)));
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
