package cn.jiandu.mail;

import java.time.OffsetDateTime;
import java.util.List;

/** One row of jd_mail_outbox: a rendered mail and how its delivery went. */
record OutboxMail(long id, String kind, String caseNumber, List<String> recipients, String subject, String textBody,
        String htmlBody, MailStatus status, int attempts, String lastError, OffsetDateTime createdAt,
        OffsetDateTime sentAt, String deliveryId) {
}
