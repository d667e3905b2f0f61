package cn.jiandu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The reporter's identity at rest: sealed with AES-GCM under a key from the environment, bound to its case,
 * opened with old keys after rotation, and the clear rows of before version 16 sealed by the migration.
 */
class ReporterSealTest {

    static final String KEY = key(1);
    static final String NEXT_KEY = key(2);
    static final ReporterIdentity WANG = new ReporterIdentity("王某", "13800000000", "wang@example.cn");

    @TempDir
    Path data;

    @Test
    void aSealedIdentityShowsNothingAndOpensOnlyForItsOwnCase() {
        ReporterSeal seal = seal(KEY, "");
        ReporterSeal.Sealed sealed = seal.seal("JD-2026-00001", WANG);

        assertThat(sealed.sealed()).doesNotContain("王某", "13800000000", "wang@example.cn");
        assertThat(new String(Base64.getDecoder().decode(sealed.sealed()), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("13800000000");
        assertThat(seal.seal("JD-2026-00001", WANG).sealed()).as("a fresh nonce each time").isNotEqualTo(sealed.sealed());
        assertThat(seal.open("JD-2026-00001", sealed)).isEqualTo(WANG);
        assertThatThrownBy(() -> seal.open("JD-2026-00002", sealed)).as("copied onto another case")
                .isInstanceOf(IllegalStateException.class);
        byte[] altered = Base64.getDecoder().decode(sealed.sealed());
        altered[20] ^= 1;
        assertThatThrownBy(() -> seal.open("JD-2026-00001",
                new ReporterSeal.Sealed(sealed.keyId(), Base64.getEncoder().encodeToString(altered))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(seal.seal("JD-2026-00001", null)).as("anonymous: nothing to store").isNull();
    }

    @Test
    void afterRotationTheOldKeyStillOpensAndANewSealUsesTheNewKey() {
        ReporterSeal.Sealed before = seal(KEY, "").seal("JD-2026-00001", WANG);
        ReporterSeal rotated = seal(NEXT_KEY, KEY);

        assertThat(rotated.open("JD-2026-00001", before)).isEqualTo(WANG);
        assertThat(rotated.isOld(before)).isTrue();
        assertThat(rotated.seal("JD-2026-00001", WANG).keyId()).isNotEqualTo(before.keyId());
        assertThatThrownBy(() -> seal(NEXT_KEY, "").open("JD-2026-00001", before))
                .hasMessageContaining("JIANDU_REPORTER_OLD_KEYS").hasMessageContaining(before.keyId());
    }

    @Test
    void withoutAKeyOnlyTheEmbeddedRunMakesOneAndKeepsIt() {
        Path file = data.resolve("reporter-key");
        assertThatThrownBy(() -> new ReporterKeys("", "", false, file)).hasMessageContaining("JIANDU_REPORTER_KEY");
        assertThat(file).doesNotExist();

        ReporterKeys made = new ReporterKeys("", "", true, file);
        assertThat(file).exists();
        assertThat(new ReporterKeys("", "", true, file).currentId()).as("the next start finds the same key")
                .isEqualTo(made.currentId());
        assertThatThrownBy(() -> new ReporterKeys("c2hvcnQ=", "", false, file)).hasMessageContaining("32 字节");
    }

    @Test
    void theMigrationSealsTheClearRowsAndDropsTheClearColumns() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:seal-migration;DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("jd_schema_history").target("16").load().migrate();
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, reporter_name,
                    reporter_phone, reporter_email, stage, reported_at, updated_at)
                VALUES ('JD-2025-00001', '旧案', '旧案', 'HOTLINE', '某单位', FALSE, '王某', '13800000000', 'wang@example.cn',
                    'TRIAGE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
                       ('JD-2025-00002', '匿名旧案', '匿名', 'HOTLINE', '某单位', TRUE, NULL, NULL, NULL,
                    'TRIAGE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
        ReporterSeal seal = seal(KEY, "");

        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("jd_schema_history").javaMigrations(new SealReporterIdentities(seal)).load().migrate();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM jd_case WHERE case_number = 'JD-2025-00001'");
        assertThat(row).doesNotContainKeys("REPORTER_NAME", "REPORTER_PHONE", "REPORTER_EMAIL");
        assertThat(row.toString()).doesNotContain("13800000000", "王某");
        assertThat(seal.open("JD-2025-00001", new ReporterSeal.Sealed((String) row.get("REPORTER_KEY_ID"),
                (String) row.get("REPORTER_IDENTITY")))).isEqualTo(WANG);
        assertThat(jdbc.queryForObject("SELECT reporter_identity FROM jd_case WHERE case_number = 'JD-2025-00002'",
                String.class)).isNull();
    }

    private ReporterSeal seal(String key, String oldKeys) {
        return new ReporterSeal(new ReporterKeys(key, oldKeys, false, data.resolve("unused")));
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

}
