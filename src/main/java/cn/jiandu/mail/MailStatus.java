package cn.jiandu.mail;

/**
 * Where a mail stands. PENDING: waiting for its first or next try (or for an SMTP server to be
 * configured). SENT: accepted by the SMTP server, never sent again. FAILED: retries ran out, an
 * incident waits in Cockpit; retrying it makes the mail PENDING again.
 */
public enum MailStatus {
    PENDING, SENT, FAILED
}
