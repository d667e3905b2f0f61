package cn.jiandu.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration 18.2 on an outbox of before: the outcome mails to reporters lose their clear address and the
 * reporter's name; the one still waiting keeps its address sealed, for its delivery; other mails are untouched.
 */
class SealReporterAddressesTest {

    /** Stands in for the reporters' AES-GCM seal (tested in cases/ReporterSealTest): reversible, not clear text. */
    static final AddressSeal SEAL = new AddressSeal() {
        @Override
        public Sealed seal(String context, String address) {
            return new Sealed("k-test", Base64.getEncoder().encodeToString((context + "|" + new StringBuilder(address)
                    .reverse()).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String open(String context, Sealed sealed) {
            String[] parts = new String(Base64.getDecoder().decode(sealed.sealed()), StandardCharsets.UTF_8).split("\\|");
            assertThat(parts[0]).isEqualTo(context);
            return new StringBuilder(parts[1]).reverse().toString();
        }

        @Override
        public String currentKeyId() {
            return "k-test";
        }
    };

    @Test
    void outcomeMailsToReportersAreMaskedAndTheWaitingOneKeepsItsAddressSealed() {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:outbox-seal;DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("jd_schema_history").target("16.2").load().migrate();
        insert(jdbc, "CASE_OUTCOME", "JD-2025-00001", "wang@example.cn", "SENT", null);
        insert(jdbc, "CASE_OUTCOME", "JD-2025-00002", "li@example.cn", "FAILED",
                "Invalid Addresses: <LI@example.cn> 550 mailbox unavailable");
        insert(jdbc, "PUBLIC_NOTICE", "JD-2025-00003", "units@jiandu.local", "SENT", null);

        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("jd_schema_history").javaMigrations(new SealReporterAddresses(SEAL)).load().migrate();

        Map<String, Object> sent = row(jdbc, "JD-2025-00001");
        assertThat(sent).containsEntry("RECIPIENTS", "举报人（已加密）").containsEntry("SEALED_RECIPIENT", null);
        assertThat(sent.toString()).doesNotContain("wang@example.cn", "王某");
        assertThat((String) sent.get("TEXT_BODY")).startsWith("您好：\n").contains("已办结");
        assertThat((String) sent.get("HTML_BODY")).contains("<p>您好：</p>", "已办结");

        Map<String, Object> waiting = row(jdbc, "JD-2025-00002");
        assertThat(waiting).containsEntry("RECIPIENTS", "举报人（已加密）").containsEntry("SEALED_RECIPIENT_KEY", "k-test");
        assertThat(waiting.toString()).doesNotContainIgnoringCase("li@example.cn").doesNotContain("王某");
        assertThat((String) waiting.get("LAST_ERROR")).isEqualTo("Invalid Addresses: <举报人（已加密）> 550 mailbox unavailable");
        assertThat(SEAL.open(OutboxMail.sealContext("JD-2025-00002"),
                new AddressSeal.Sealed("k-test", (String) waiting.get("SEALED_RECIPIENT")))).isEqualTo("li@example.cn");

        assertThat(row(jdbc, "JD-2025-00003")).containsEntry("RECIPIENTS", "units@jiandu.local")
                .containsEntry("SEALED_RECIPIENT", null);
    }

    private static void insert(JdbcTemplate jdbc, String kind, String caseNumber, String to, String status, String error) {
        jdbc.update("""
                INSERT INTO jd_mail_outbox (kind, case_number, recipients, subject, text_body, html_body, status, attempts,
                    last_error, created_at)
                VALUES (?, ?, ?, '您反映的问题已办结', ?, ?, ?, 1, ?, CURRENT_TIMESTAMP)""", kind, caseNumber, to,
                "王某：\n\n您反映的问题（编号 " + caseNumber + "）已办结。\n",
                "<!DOCTYPE html>\n<html><body>\n<p><span>王某</span>：</p>\n<p>您反映的问题已办结。</p>\n</body></html>",
                status, error);
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, String caseNumber) {
        return jdbc.queryForMap("SELECT * FROM jd_mail_outbox WHERE case_number = ?", caseNumber);
    }
}
