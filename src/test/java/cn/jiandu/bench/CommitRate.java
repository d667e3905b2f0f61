package cn.jiandu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling: how many write transactions a second this machine's PostgreSQL commits over JDBC.
 * The transaction is pgbench's "simple update" (pgbench -N: update an account, read it back,
 * insert a history row, commit) on pgbench's tables at scale 1.
 */
final class CommitRate {

    private static final int ACCOUNTS = 100_000;

    private final Postgres postgres;
    private final String database;

    CommitRate(Postgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    void prepare() throws SQLException {
        postgres.recreate(database);
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE pgbench_accounts (aid INT PRIMARY KEY, bid INT NOT NULL, abalance INT NOT NULL,"
                    + " filler CHAR(84)) WITH (fillfactor = 100)");
            s.execute("CREATE TABLE pgbench_history (tid INT, bid INT, aid INT, delta INT, mtime TIMESTAMP,"
                    + " filler CHAR(22))");
            s.execute("INSERT INTO pgbench_accounts SELECT g, 1, 0, '' FROM generate_series(1, " + ACCOUNTS + ") g");
            s.execute("VACUUM ANALYZE pgbench_accounts");
        }
    }

    /** Transactions per second with this many connections, each running the transaction back to back. */
    double run(int connections, Duration warmup, Duration measured) throws Exception {
        LongAdder committed = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        for (int i = 0; i < connections; i++) {
            int tid = i + 1;
            Thread t = new Thread(() -> {
                try (Connection c = postgres.connect(database)) {
                    c.setAutoCommit(false);
                    try (PreparedStatement update = c.prepareStatement(
                                    "UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?");
                            PreparedStatement select = c.prepareStatement(
                                    "SELECT abalance FROM pgbench_accounts WHERE aid = ?");
                            PreparedStatement insert = c.prepareStatement(
                                    "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (?, 1, ?, ?, now())")) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        long now;
                        while ((now = System.nanoTime()) < end) {
                            int aid = 1 + random.nextInt(ACCOUNTS);
                            int delta = random.nextInt(-5000, 5001);
                            update.setInt(1, delta);
                            update.setInt(2, aid);
                            update.executeUpdate();
                            select.setInt(1, aid);
                            try (ResultSet rs = select.executeQuery()) {
                                rs.next();
                            }
                            insert.setInt(1, tid);
                            insert.setInt(2, aid);
                            insert.setInt(3, delta);
                            insert.executeUpdate();
                            c.commit();
                            long done = System.nanoTime();
                            if (now >= measureFrom && done <= end) {
                                committed.increment();
                            }
                        }
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return committed.sum() * 1000.0 / measured.toMillis();
    }
}
