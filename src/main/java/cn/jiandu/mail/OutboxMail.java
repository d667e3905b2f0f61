package cn.jiandu.mail;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of jd_mail_outbox: a rendered mail and how its delivery went. A reporter's mail keeps its address
 * only sealed ({@code sealedRecipient}, until it is sent); {@code recipients} then holds what administrators
 * may read instead.
 */
record OutboxMail(long id, String kind, String caseNumber, List<String> recipients, String subject, String textBody,
        String htmlBody, MailStatus status, int attempts, String lastError, OffsetDateTime createdAt,
        OffsetDateTime sentAt, String deliveryId, AddressSeal.Sealed sealedRecipient) {

    /** What a sealed recipient shows in the outbox, on the administrators' page and in errors. */
    static final String SEALED_RECIPIENT = "举报人（已加密）";

    /** What the sealed address of a mail is bound to: a copy on another row or another case does not open. */
    static String sealContext(String caseNumber) {
        return "mail:" + (caseNumber == null ? "" : caseNumber);
    }

    boolean isSealed() {
        return recipients.contains(SEALED_RECIPIENT);
    }
}
