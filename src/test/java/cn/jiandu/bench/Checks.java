package cn.jiandu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The verdicts of a fault drill: each check with what was expected and what was found. */
final class Checks {

    private final List<Map<String, Object>> checks = new ArrayList<>();
    private final Postgres postgres;
    private final String database;

    Checks(Postgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    void expect(String what, Object expected, Object actual) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", what);
        m.put("expected", expected);
        m.put("actual", actual);
        m.put("passed", String.valueOf(expected).equals(String.valueOf(actual)));
        checks.add(m);
        System.out.printf("  %s %s: expected %s, found %s%n", Boolean.TRUE.equals(m.get("passed")) ? "PASS" : "FAIL",
                what, expected, actual);
    }

    boolean passed() {
        return checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("passed")));
    }

    List<Map<String, Object>> list() {
        return checks;
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = postgres.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Map<String, Long> grouped(String sql) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Connection c = postgres.connect(database); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                m.put(String.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return m;
    }

    List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = postgres.connect(database); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Polls until the count reaches the value or the time is up; returns the seconds it took, or -1. */
    double awaitCount(long expected, long timeoutSeconds, String sql, Object... args) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (count(sql, args) >= expected) {
                return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
            }
            Thread.sleep(500);
        }
        return -1;
    }
}
