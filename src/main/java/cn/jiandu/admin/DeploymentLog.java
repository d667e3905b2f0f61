package cn.jiandu.admin;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table jd_deployment_log: who deployed which models when, and what changed. */
@Repository
class DeploymentLog {

    enum Change { ADDED, CHANGED, UNCHANGED }

    record Entry(String deploymentId, String name, String source, String deployedBy, OffsetDateTime deployedAt,
            String definitions, int changedCount, List<Resource> resources) {
    }

    record Resource(String resourceName, String modelFile, String sha256, Change change, String previousDeploymentId) {
    }

    record Latest(String deploymentId, String sha256) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeploymentLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where a deployed resource lives in the repository, whatever the deployment called it. */
    static String modelFile(String resourceName) {
        String file = resourceName.substring(resourceName.replace('\\', '/').lastIndexOf('/') + 1);
        if (ModelCheck.isForm(file)) {
            return "forms/" + file;
        }
        return ModelCheck.isBpmn(file) || ModelCheck.isDmn(file) ? "processes/" + file : file;
    }

    void insert(Entry entry) {
        jdbc.update("""
                INSERT INTO jd_deployment_log (deployment_id, name, source, deployed_by, deployed_at, definitions, changed_count)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", entry.deploymentId(), entry.name(), entry.source(), entry.deployedBy(),
                entry.deployedAt(), entry.definitions(), entry.changedCount());
        for (Resource resource : entry.resources()) {
            jdbc.update("""
                    INSERT INTO jd_deployment_log_resource
                        (deployment_id, resource_name, model_file, sha256, change_kind, previous_deployment_id)
                    VALUES (?, ?, ?, ?, ?, ?)""", entry.deploymentId(), resource.resourceName(), resource.modelFile(),
                    resource.sha256(), resource.change().name(), resource.previousDeploymentId());
        }
    }

    /** The last recorded version of a model file. */
    Optional<Latest> latest(String modelFile) {
        return jdbc.query("""
                SELECT deployment_id, sha256 FROM jd_deployment_log_resource
                WHERE model_file = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""",
                (rs, row) -> new Latest(rs.getString("deployment_id"), rs.getString("sha256")), modelFile)
                .stream().findFirst();
    }

    List<Entry> recent(int limit) {
        return jdbc.query("SELECT * FROM jd_deployment_log ORDER BY deployed_at DESC, deployment_id FETCH FIRST ? ROWS ONLY",
                this::entry, limit);
    }

    Optional<Entry> find(String deploymentId) {
        return jdbc.query("SELECT * FROM jd_deployment_log WHERE deployment_id = ?", this::entry, deploymentId)
                .stream().findFirst();
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("deployment_id");
        return new Entry(id, rs.getString("name"), rs.getString("source"), rs.getString("deployed_by"),
                rs.getObject("deployed_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                rs.getString("definitions"),
                rs.getInt("changed_count"), resources(id));
    }

    private List<Resource> resources(String deploymentId) {
        return jdbc.query("SELECT * FROM jd_deployment_log_resource WHERE deployment_id = ? ORDER BY model_file",
                (rs, row) -> new Resource(rs.getString("resource_name"), rs.getString("model_file"), rs.getString("sha256"),
                        Change.valueOf(rs.getString("change_kind")), rs.getString("previous_deployment_id")),
                deploymentId);
    }
}
