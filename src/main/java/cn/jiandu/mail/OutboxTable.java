package cn.jiandu.mail;

import java.time.Clock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of jd_mail_outbox. Every method joins the caller's transaction. */
@Repository
class OutboxTable {

    private static final int MAX_ERROR_LENGTH = 2000;
    private static final String COLUMNS = """
            id, kind, case_number, recipients, subject, text_body, html_body, status, attempts, last_error,
            created_at, sent_at, delivery_id, sealed_recipient, sealed_recipient_key""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboxTable(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(String kind, String caseNumber, List<String> recipients, String subject, String text, String html) {
        return insert(kind, caseNumber, recipients, null, subject, text, html);
    }

    /** A mail to one recipient whose address is stored only sealed; the row names {@link OutboxMail#SEALED_RECIPIENT}. */
    long insertSealed(String kind, String caseNumber, AddressSeal.Sealed recipient, String subject, String text,
            String html) {
        return insert(kind, caseNumber, List.of(OutboxMail.SEALED_RECIPIENT), recipient, subject, text, html);
    }

    private long insert(String kind, String caseNumber, List<String> recipients, AddressSeal.Sealed sealed,
            String subject, String text, String html) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO jd_mail_outbox (kind, case_number, recipients, subject, text_body, html_body, status,
                        attempts, created_at, sealed_recipient, sealed_recipient_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", new String[] {"id"});
            insert.setString(1, kind);
            insert.setString(2, caseNumber);
            insert.setString(3, String.join(",", recipients));
            insert.setString(4, subject);
            insert.setString(5, text);
            insert.setString(6, html);
            insert.setString(7, MailStatus.PENDING.name());
            insert.setObject(8, OffsetDateTime.now(clock));
            insert.setString(9, sealed == null ? null : sealed.sealed());
            insert.setString(10, sealed == null ? null : sealed.keyId());
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<OutboxMail> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM jd_mail_outbox WHERE id = ?", OutboxTable::mail, id)
                .stream().findFirst();
    }

    /** Names the delivery of a mail, unless another one claimed it since {@code expected} was read. */
    boolean claimDelivery(long id, String expected, String deliveryId) {
        return expected == null
                ? jdbc.update("UPDATE jd_mail_outbox SET delivery_id = ? WHERE id = ? AND delivery_id IS NULL",
                        deliveryId, id) == 1
                : jdbc.update("UPDATE jd_mail_outbox SET delivery_id = ? WHERE id = ? AND delivery_id = ?",
                        deliveryId, id, expected) == 1;
    }

    /** Sent: a sealed address is no longer needed, so it is dropped. */
    void markSent(long id) {
        jdbc.update("""
                UPDATE jd_mail_outbox SET status = ?, attempts = attempts + 1, last_error = NULL, sent_at = ?,
                    sealed_recipient = NULL, sealed_recipient_key = NULL
                WHERE id = ?""", MailStatus.SENT.name(), OffsetDateTime.now(clock), id);
    }

    /** Ids of the mails whose address is sealed under another key than this one (key rotation). */
    List<Long> sealedUnderOtherKey(String keyId, int limit) {
        return jdbc.queryForList("""
                SELECT id FROM jd_mail_outbox WHERE sealed_recipient IS NOT NULL AND sealed_recipient_key <> ?
                ORDER BY id LIMIT ?""", Long.class, keyId, limit);
    }

    void reseal(long id, AddressSeal.Sealed sealed) {
        jdbc.update("UPDATE jd_mail_outbox SET sealed_recipient = ?, sealed_recipient_key = ? WHERE id = ?",
                sealed.sealed(), sealed.keyId(), id);
    }

    void recordFailure(long id, String error) {
        jdbc.update("UPDATE jd_mail_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error, id);
    }

    /** FAILED and back to PENDING follow the delivery's incident; a sent mail stays sent. */
    void changeStatus(long id, MailStatus from, MailStatus to) {
        jdbc.update("UPDATE jd_mail_outbox SET status = ? WHERE id = ? AND status = ?", to.name(), id, from.name());
    }

    List<OutboxMail> pending() {
        return jdbc.query("SELECT " + COLUMNS + " FROM jd_mail_outbox WHERE status = ? ORDER BY id",
                OutboxTable::mail, MailStatus.PENDING.name());
    }

    List<OutboxMail> page(MailStatus status, long offset, int limit) {
        String where = status == null ? "" : " WHERE status = ?";
        String sql = "SELECT " + COLUMNS + " FROM jd_mail_outbox" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
        return status == null
                ? jdbc.query(sql, OutboxTable::mail, limit, offset)
                : jdbc.query(sql, OutboxTable::mail, status.name(), limit, offset);
    }

    long count(MailStatus status) {
        return status == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM jd_mail_outbox", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM jd_mail_outbox WHERE status = ?", Long.class, status.name());
    }

    private static OutboxMail mail(ResultSet rs, int row) throws SQLException {
        List<String> recipients = Arrays.stream(rs.getString("recipients").split(","))
                .map(String::trim).filter(address -> !address.isEmpty()).toList();
        return new OutboxMail(rs.getLong("id"), rs.getString("kind"), rs.getString("case_number"), recipients,
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                rs.getString("delivery_id"), rs.getString("sealed_recipient") == null ? null
                        : new AddressSeal.Sealed(rs.getString("sealed_recipient_key"), rs.getString("sealed_recipient")));
    }
}
