package cn.jiandu.cases;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation (docs/security.md): at start, every identity sealed with an old key (JIANDU_REPORTER_OLD_KEYS) is
 * opened and sealed again with the current one, 200 cases per transaction. Idempotent: a run that stops halfway
 * leaves each row sealed with one key or the other, both still configured, and the next start goes on.
 */
@Component
class ReporterKeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(ReporterKeyRotation.class);
    private static final int BATCH = 200;

    private record Row(String caseNumber, ReporterSeal.Sealed sealed) {
    }

    private final JdbcTemplate jdbc;
    private final ReporterSeal seal;
    private final ReporterKeys keys;
    private final TransactionTemplate transaction;

    ReporterKeyRotation(JdbcTemplate jdbc, ReporterSeal seal, ReporterKeys keys, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.keys = keys;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resealWithTheCurrentKey() {
        int total = 0;
        List<Row> rows;
        do {
            rows = transaction.execute(status -> {
                List<Row> batch = jdbc.query("SELECT case_number, reporter_identity, reporter_key_id FROM jd_case"
                                + " WHERE reporter_identity IS NOT NULL AND reporter_key_id <> ? ORDER BY case_number LIMIT ?",
                        (rs, n) -> new Row(rs.getString(1), new ReporterSeal.Sealed(rs.getString(3), rs.getString(2))),
                        keys.currentId(), BATCH);
                for (Row row : batch) {
                    ReporterSeal.Sealed fresh = seal.seal(row.caseNumber(), seal.open(row.caseNumber(), row.sealed()));
                    jdbc.update("UPDATE jd_case SET reporter_identity = ?, reporter_key_id = ? WHERE case_number = ?",
                            fresh.sealed(), fresh.keyId(), row.caseNumber());
                }
                return batch;
            });
            total += rows.size();
        } while (rows.size() == BATCH);
        if (total > 0) {
            LOG.info("举报人身份信息已用当前密钥 {} 重新加密：{} 件。确认备份后可从 JIANDU_REPORTER_OLD_KEYS 中移除旧密钥。",
                    keys.currentId(), total);
        }
    }
}
