package cn.jiandu.publicreport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.AppProcess;
import cn.jiandu.support.Http;
import cn.jiandu.support.JianduFromClasses;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A citizen's report answered on /report with its query code is kept even if the process dies right after:
 * Jiandu run as in production (its own JVM, the default H2 file in ./data, job executor on, a real SMTP server),
 * 30 citizens posting the page's form at once, SIGKILL once some have their code and others are still in flight,
 * then started again on the same file. Every answered report is there with its code, its sealed identity and its
 * receipt mail; an unanswered one is there whole or not at all; no number is given twice.
 */
class PublicReportsSurviveKillTest {

    private static final int REPORTS = 30;
    private static final int ANSWERS_BEFORE_KILL = 8;
    /**
     * The page's limits are per client and all citizens here come from 127.0.0.1; the proof of work is made
     * cheap; a job the killed JVM had locked (a mail's delivery) waits for its lock to expire, 5 minutes by
     * default, 15 s here. Everything else at its default, as `java -jar` starts.
     */
    private static final List<String> ARGS = List.of("--jiandu.public-report.per-client-per-minute=1000",
            "--jiandu.public-report.status-per-client-per-minute=1000",
            "--jiandu.public-report.challenge-max-number=2000",
            "--camunda.bpm.job-execution.lock-time-in-millis=15000");

    @TempDir
    Path home;
    private AppProcess app;
    private ExecutorService citizens;
    private GreenMail smtp;
    private int mailsBeforeRestart;

    @BeforeEach
    void mailServer() {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (citizens != null) {
            citizens.shutdownNow();
        }
        if (app != null) {
            app.kill();
        }
        smtp.stop();
    }

    @Test
    void everyReportAnsweredWithItsCodeBeforeSigkillIsKeptWholeWithItsReceipt() throws Exception {
        app = start("first");
        Map<Integer, String> codes = reportAllAndKillAfterTheFirstAnswers(new Citizen(app.port()));

        // The file as the kill left it, before Jiandu opens it again.
        Map<Integer, String> kept;
        try (Connection db = database()) {
            kept = keptWhole(db, codes);
            assertThat(clearIdentitiesIn(db)).as("a reporter's name, phone or address in clear").isEmpty();
        }
        List<Integer> answeredAndLost = codes.keySet().stream().filter(n -> !kept.containsKey(n)).sorted().toList();
        assertThat(answeredAndLost).as("reports answered with a code before the kill, not there after it").isEmpty();

        app = start("second");
        System.out.printf("public kill drill: SIGKILL after %d codes of %d reports, %d kept, %d mails before the kill;"
                + " ready again after %d ms%n", codes.size(), REPORTS, kept.size(), mailsBeforeRestart, app.readyMillis());
        Citizen citizen = new Citizen(app.port());
        Http http = new Http(app.port());
        codes.forEach((n, code) -> {
            assertThat(citizen.status(code).main()).as("status of report %d with its code", n).contains("已受理");
        });
        kept.forEach((n, caseNumber) -> {
            Http.Answer found = http.get("intake1", "/api/cases/" + caseNumber).expect(200, "case of report " + n);
            assertThat(found.json().get("title").asText()).isEqualTo(title(n));
            if (!anonymous(n)) {
                assertThat(found.json().path("reporter").path("phone").asText())
                        .as("report %d's sealed identity opens after the restart", n).isEqualTo(phone(n));
            }
        });

        Set<String> addresses = new HashSet<>();
        kept.keySet().stream().filter(PublicReportsSurviveKillTest::givesAddress).forEach(n -> addresses.add(email(n)));
        Map<String, Integer> received = awaitMailsTo(addresses);
        System.out.printf("public kill drill: %d receipts awaited, %d copies received%n", addresses.size(),
                received.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(received.keySet()).as("receipts of the kept reports that gave an address").containsAll(addresses);

        // A report after the restart takes the next number, not one already given.
        Citizen.Page after = citizen.report(form(REPORTS), Map.of("现场照片.jpg", Citizen.photo()));
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        app.close();
        app = null;
        try (Connection db = database()) {
            String number = caseOf(db, title(REPORTS));
            assertThat(kept).as("numbers given before the kill").doesNotContainValue(number);
            assertThat(codeOf(db, number)).isEqualTo(QueryCodes.hash(QueryCodes.normalize(after.code())));
            keptWhole(db, Map.of());
            assertThat(clearIdentitiesIn(db)).as("a reporter's name, phone or address in clear").isEmpty();
        }
    }

    /**
     * Posts all reports at once (challenges solved beforehand, as each page does while its citizen types) and
     * SIGKILLs the application as soon as enough have their code, while others are in flight. Returns the codes.
     */
    private Map<Integer, String> reportAllAndKillAfterTheFirstAnswers(Citizen citizen) throws InterruptedException {
        Map<Integer, Map<String, String>> forms = new HashMap<>();
        for (int n = 0; n < REPORTS; n++) {
            Map<String, String> form = form(n);
            form.put("altcha", citizen.solvedChallenge());
            forms.put(n, form);
        }
        Map<Integer, String> answered = new ConcurrentHashMap<>();
        Map<Integer, String> refused = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger(REPORTS);
        CountDownLatch go = new CountDownLatch(1);
        citizens = Executors.newFixedThreadPool(REPORTS);
        for (int n = 0; n < REPORTS; n++) {
            int report = n;
            citizens.execute(() -> {
                try {
                    go.await();
                    Citizen.Page page = citizen.post(forms.get(report), report % 2 == 0
                            ? Map.of("现场照片.jpg", Citizen.photo()) : Map.of());
                    if (page.status() == 200) {
                        answered.put(report, page.code());
                    } else {
                        refused.put(report, page.status() + " " + page.body());
                    }
                } catch (UncheckedIOException | InterruptedException | IllegalStateException killedWhileAsking) {
                    // no answer: the citizen does not know whether the report was kept
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.size() < ANSWERS_BEFORE_KILL && refused.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        int stillAsking = inFlight.get();
        app.kill();
        Map<Integer, String> codes = Map.copyOf(answered);
        mailsBeforeRestart = smtp.getReceivedMessages().length;
        citizens.shutdown();
        assertThat(citizens.awaitTermination(30, TimeUnit.SECONDS)).as("citizens finished after the kill").isTrue();
        assertThat(refused).as("reports refused before the kill, see " + app.log()).isEmpty();
        assertThat(codes).as("reports answered with a code before the kill, see " + app.log())
                .hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);
        assertThat(stillAsking).as("reports still in flight at the kill").isPositive();
        assertThat(new HashSet<>(codes.values())).as("distinct codes").hasSize(codes.size());
        return codes;
    }

    /**
     * Checks that every case in the file is whole, in both directions: each case row has its running process
     * instance waiting at triage, its public report row, its evidence and its receipt; each supervisionCase
     * instance has its case row; the numbers are the counter's, each once, without a gap. Each answered
     * report's code leads to its case. Returns the reports kept: report to case number.
     */
    private Map<Integer, String> keptWhole(Connection db, Map<Integer, String> codes) throws SQLException {
        Map<String, Map<String, Object>> cases = new TreeMap<>();
        for (Map<String, Object> row : rows(db, "SELECT * FROM jd_case")) {
            cases.put((String) row.get("CASE_NUMBER"), row);
        }
        List<String> defects = new ArrayList<>();
        Map<Integer, String> kept = new TreeMap<>();
        for (Map<String, Object> row : cases.values()) {
            String number = (String) row.get("CASE_NUMBER");
            String instance = (String) row.get("PROCESS_INSTANCE_ID");
            int report = reportOf((String) row.get("TITLE"));
            if (report < 0) {
                defects.add(number + ": not one of the reports sent");
                continue;
            }
            kept.put(report, number);
            if (count(db, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = ? AND PROC_INST_ID_ = ? AND BUSINESS_KEY_ = ?",
                    instance, instance, number) != 1) {
                defects.add(number + ": no running process instance " + instance);
            }
            if (count(db, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ? AND TASK_DEF_KEY_ = 'triageCase'",
                    instance) != 1) {
                defects.add(number + ": not waiting at triageCase");
            }
            if (count(db, "SELECT COUNT(*) FROM jd_public_report WHERE case_number = ?", number) != 1) {
                defects.add(number + ": no query code");
            }
            if (count(db, "SELECT COUNT(*) FROM jd_evidence WHERE case_number = ?", number) != (report % 2 == 0 ? 1 : 0)) {
                defects.add(number + ": evidence missing or extra");
            }
            if (count(db, "SELECT COUNT(*) FROM jd_mail_outbox WHERE case_number = ? AND kind = 'PUBLIC_REPORT_RECEIVED'",
                    number) != (givesAddress(report) ? 1 : 0)) {
                defects.add(number + ": receipt missing or extra");
            }
        }
        for (Map<String, Object> instance : rows(db, "SELECT ID_, BUSINESS_KEY_ FROM ACT_HI_PROCINST"
                + " WHERE PROC_DEF_KEY_ = 'supervisionCase'")) {
            Map<String, Object> row = cases.get((String) instance.get("BUSINESS_KEY_"));
            if (row == null || !instance.get("ID_").equals(row.get("PROCESS_INSTANCE_ID"))) {
                defects.add("process instance " + instance.get("ID_") + " (" + instance.get("BUSINESS_KEY_")
                        + ") without its case");
            }
        }
        if (count(db, "SELECT COUNT(*) FROM jd_public_report WHERE case_number NOT IN (SELECT case_number FROM jd_case)") > 0) {
            defects.add("query codes without their case");
        }
        assertThat(defects).as("half-written reports").isEmpty();
        assertThat(count(db, "SELECT COALESCE(SUM(last_value), 0) FROM jd_case_number"))
                .as("numbers given (the counter) and cases kept, gapless").isEqualTo(cases.size());
        assertThat(new HashSet<>(kept.values())).as("one number per report").hasSize(kept.size());
        codes.forEach((n, code) -> {
            String number = kept.get(n);
            if (number != null) {
                assertThat(codeOf(db, number)).as("report %d's code", n).isEqualTo(QueryCodes.hash(QueryCodes.normalize(code)));
                assertThat(sealedIdentity(db, number) != null).as("report %d's identity sealed", n).isEqualTo(!anonymous(n));
            }
        });
        return kept;
    }

    /** Every value of every table holding a reporter's name, phone or address: where, never what. */
    private static List<String> clearIdentitiesIn(Connection db) throws SQLException {
        List<String> secrets = new ArrayList<>();
        IntStream.rangeClosed(0, REPORTS).forEach(n -> secrets.addAll(List.of(name(n), phone(n), email(n))));
        List<String> found = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT * FROM \"" + table + "\"")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int column = 1; column <= columns; column++) {
                        String value = text(rs.getObject(column));
                        if (value != null && secrets.stream().anyMatch(value::contains)) {
                            found.add(table + "." + rs.getMetaData().getColumnName(column));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value == null ? null : value.toString();
    }

    /** Waits until each address has its mail, or two minutes passed; returns the copies received per address. */
    private Map<String, Integer> awaitMailsTo(Set<String> addresses) throws MessagingException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Map<String, Integer> received = receivedPerAddress();
        while (!received.keySet().containsAll(addresses) && System.nanoTime() < deadline) {
            smtp.waitForIncomingEmail(2_000, smtp.getReceivedMessages().length + 1);
            received = receivedPerAddress();
        }
        return received;
    }

    private Map<String, Integer> receivedPerAddress() throws MessagingException {
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (PublicReporting.RECEIPT_SUBJECT.equals(message.getSubject())) {
                for (Address to : message.getAllRecipients()) {
                    received.merge(((InternetAddress) to).getAddress(), 1, Integer::sum);
                }
            }
        }
        return received;
    }

    private AppProcess start(String name) throws Exception {
        return JianduFromClasses.start(home, name, ARGS, Map.of("JIANDU_SMTP_HOST", "127.0.0.1",
                "JIANDU_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort())));
    }

    /** The H2 file Jiandu uses by default (./data/jiandu in its working directory), opened while Jiandu is down. */
    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data/jiandu").toAbsolutePath(), "sa", "");
    }

    private static List<Map<String, Object>> rows(Connection db, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    row.put(rs.getMetaData().getColumnLabel(column).toUpperCase(), rs.getObject(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String one(Connection db, String sql, String parameter) {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String caseOf(Connection db, String title) {
        return one(db, "SELECT case_number FROM jd_case WHERE title = ?", title);
    }

    private static String codeOf(Connection db, String caseNumber) {
        return one(db, "SELECT code_hash FROM jd_public_report WHERE case_number = ?", caseNumber);
    }

    private static String sealedIdentity(Connection db, String caseNumber) {
        return one(db, "SELECT reporter_identity FROM jd_case WHERE case_number = ?", caseNumber);
    }

    /** Named with an address, named without one, anonymous (the name and phone typed anyway), in turn. */
    private static Map<String, String> form(int n) {
        Map<String, String> form = new LinkedHashMap<>(Citizen.named(title(n), phone(n)));
        form.put("reporterName", name(n));
        form.put("reporterEmail", givesAddress(n) ? email(n) : "");
        if (anonymous(n)) {
            form.put("identity", "ANONYMOUS");
        }
        return form;
    }

    private static boolean givesAddress(int n) {
        return n % 3 == 0;
    }

    private static boolean anonymous(int n) {
        return n % 3 == 2;
    }

    private static String title(int n) {
        return "卡口夜间无人值守（第" + n + "号）";
    }

    private static int reportOf(String title) {
        return IntStream.rangeClosed(0, REPORTS).filter(n -> title(n).equals(title)).findFirst().orElse(-1);
    }

    private static String name(int n) {
        return "孙某" + (char) ('甲' + n);
    }

    private static String phone(int n) {
        return "1390000%04d".formatted(n);
    }

    private static String email(int n) {
        return "kill-reporter-" + n + "@example.cn";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
