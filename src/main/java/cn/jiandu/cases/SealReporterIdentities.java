package cn.jiandu.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 16.1: seals the reporter identities stored in clear text before version 16 (reporter_name,
 * reporter_phone, reporter_email) into reporter_identity; 16.2 then drops the clear columns. A Spring bean,
 * which Boot hands to Flyway, because it needs the key (ReporterKeys). Runs once, in Flyway's transaction:
 * either every row is sealed and the columns go, or nothing changed.
 */
@Component
class SealReporterIdentities implements JavaMigration {

    private record Clear(String caseNumber, ReporterIdentity identity) {
    }

    private final ReporterSeal seal;

    SealReporterIdentities(ReporterSeal seal) {
        this.seal = seal;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("16.1");
    }

    @Override
    public String getDescription() {
        return "seal reporter identities";
    }

    @Override
    public Integer getChecksum() {
        return 161;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Clear> clear = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT case_number, reporter_name, reporter_phone,"
                + " reporter_email FROM jd_case WHERE anonymous = FALSE AND (reporter_name IS NOT NULL"
                + " OR reporter_phone IS NOT NULL OR reporter_email IS NOT NULL)");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                clear.add(new Clear(rows.getString(1),
                        ReporterIdentity.of(rows.getString(2), rows.getString(3), rows.getString(4))));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE jd_case SET reporter_identity = ?,"
                + " reporter_key_id = ?, reporter_name = NULL, reporter_phone = NULL, reporter_email = NULL"
                + " WHERE case_number = ?")) {
            for (Clear row : clear) {
                ReporterSeal.Sealed sealed = seal.seal(row.caseNumber(), row.identity());
                update.setString(1, sealed == null ? null : sealed.sealed());
                update.setString(2, sealed == null ? null : sealed.keyId());
                update.setString(3, row.caseNumber());
                update.addBatch();
            }
            update.executeBatch();
        }
        // An anonymous report never keeps an identity, even one stored by mistake before.
        try (PreparedStatement anonymous = connection.prepareStatement("UPDATE jd_case SET reporter_name = NULL,"
                + " reporter_phone = NULL, reporter_email = NULL WHERE anonymous = TRUE")) {
            anonymous.executeUpdate();
        }
    }
}
