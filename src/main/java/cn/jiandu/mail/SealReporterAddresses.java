package cn.jiandu.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 18.2: the outbox keeps a reporter's address only sealed (columns sealed_recipient and its key's id).
 * Outcome mails to reporters recorded before (CASE_OUTCOME) had the address in clear in recipients and the
 * reporter's name at the top of the text; each now shows {@link OutboxMail#SEALED_RECIPIENT}, greets “您好”,
 * and has its address sealed if it still waits to be sent (a sent one needs it no more). A Spring bean, as
 * Boot hands those to Flyway, because it needs the reporters' key; one transaction: all rows or none.
 */
@Component
class SealReporterAddresses implements JavaMigration {

    static final String KIND = "CASE_OUTCOME";
    private static final Pattern TEXT_GREETING = Pattern.compile("\\A[^\\n]*：\\n");
    private static final Pattern HTML_GREETING = Pattern.compile("<p><span>[^<]*</span>：</p>");

    private record Row(long id, String caseNumber, List<String> addresses, boolean sent, String text, String html,
            String error) {
    }

    private final AddressSeal seal;

    SealReporterAddresses(AddressSeal seal) {
        this.seal = seal;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18.2");
    }

    @Override
    public String getDescription() {
        return "seal reporters' addresses in the outbox";
    }

    @Override
    public Integer getChecksum() {
        return 182;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement alter = connection.createStatement()) {
            alter.execute("ALTER TABLE jd_mail_outbox ADD COLUMN sealed_recipient VARCHAR(1000)");
            alter.execute("ALTER TABLE jd_mail_outbox ADD COLUMN sealed_recipient_key VARCHAR(20)");
        }
        sealClearRows(connection);
    }

    /** Seals and masks every reporter's mail still in clear; rows already sealed are left alone. */
    void sealClearRows(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, case_number, recipients, status,"
                + " text_body, html_body, last_error FROM jd_mail_outbox WHERE kind = ? AND recipients <> ?")) {
            select.setString(1, KIND);
            select.setString(2, OutboxMail.SEALED_RECIPIENT);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(new Row(found.getLong(1), found.getString(2), Arrays.stream(found.getString(3).split(","))
                            .map(String::strip).filter(address -> !address.isEmpty()).toList(),
                            MailStatus.SENT.name().equals(found.getString(4)), found.getString(5), found.getString(6),
                            found.getString(7)));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE jd_mail_outbox SET recipients = ?,"
                + " text_body = ?, html_body = ?, last_error = ?, sealed_recipient = ?, sealed_recipient_key = ?"
                + " WHERE id = ?")) {
            for (Row row : rows) {
                AddressSeal.Sealed sealed = row.sent() || row.addresses().isEmpty() ? null
                        : seal.seal(OutboxMail.sealContext(row.caseNumber()), String.join(",", row.addresses()));
                update.setString(1, OutboxMail.SEALED_RECIPIENT);
                update.setString(2, TEXT_GREETING.matcher(row.text()).replaceFirst("您好：\n"));
                update.setString(3, HTML_GREETING.matcher(row.html()).replaceFirst("<p>您好：</p>"));
                update.setString(4, masked(row.error(), row.addresses()));
                update.setString(5, sealed == null ? null : sealed.sealed());
                update.setString(6, sealed == null ? null : sealed.keyId());
                update.setLong(7, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static String masked(String error, List<String> addresses) {
        if (error == null) {
            return null;
        }
        String masked = error;
        for (String address : addresses) {
            masked = masked.replaceAll("(?i)" + Pattern.quote(address), OutboxMail.SEALED_RECIPIENT);
        }
        return masked;
    }
}
