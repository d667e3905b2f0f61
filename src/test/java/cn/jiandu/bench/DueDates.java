package cn.jiandu.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shape of the open tasks' due dates the Tasklist figures are taken on ({@code --due-dates=}).
 *
 * <p>{@code as-loaded} (the default): as {@code OpenCaseLoader} left them. It opens every case within the
 * hour, so each stage's tasks fall due on one day: all inquiries on one day, all triages and approvals 9 days later,
 * all verifications and decisions a month after that. Sorted by due date, a group whose stage comes late (case-review)
 * finds its first task only after every earlier stage's tasks — tens of thousands of them.
 *
 * <p>{@code steady}: as in a commission where cases have come in day after day and each stage's tasks are opened and
 * done continually: each open task falls due at a point between now and its stage's whole time limit (its due date
 * minus its creation), the point drawn from the task's id so that every run gets the same dates. The dates as loaded
 * are kept in {@code bench_loaded_due_date} the first time, and {@code as-loaded} puts them back, so both shapes can be
 * measured on one kept database.
 */
final class DueDates {

    static final String AS_LOADED = "as-loaded";
    static final String STEADY = "steady";

    private DueDates() {
    }

    static String shape(Postgres postgres, String database, String shape) throws SQLException {
        if (!AS_LOADED.equals(shape) && !STEADY.equals(shape)) {
            throw new IllegalArgumentException("--due-dates=" + shape + ": as-loaded or steady");
        }
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_loaded_due_date (id_ VARCHAR(64) PRIMARY KEY, due_date_ TIMESTAMP)");
            s.execute("INSERT INTO bench_loaded_due_date SELECT ID_, DUE_DATE_ FROM ACT_RU_TASK ON CONFLICT DO NOTHING");
            int changed;
            if (STEADY.equals(shape)) {
                // ('x' || 8 hex digits)::bit(32)::bigint: a number in [0, 2^32) from the task id's hash
                changed = s.executeUpdate("UPDATE ACT_RU_TASK T SET DUE_DATE_ = LOCALTIMESTAMP + (B.due_date_ - T.CREATE_TIME_)"
                        + " * (('x' || substr(md5(T.ID_), 1, 8))::bit(32)::bigint / 4294967296.0)"
                        + " FROM bench_loaded_due_date B WHERE B.id_ = T.ID_ AND B.due_date_ IS NOT NULL");
            } else {
                changed = s.executeUpdate("UPDATE ACT_RU_TASK T SET DUE_DATE_ = B.due_date_ FROM bench_loaded_due_date B"
                        + " WHERE B.id_ = T.ID_ AND T.DUE_DATE_ IS DISTINCT FROM B.due_date_");
            }
            s.execute("ANALYZE ACT_RU_TASK");
            return shape + " (" + changed + " open tasks re-dated)";
        }
    }
}
