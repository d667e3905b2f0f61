package cn.jiandu.bench;

import cn.jiandu.JianduApplication;
import cn.jiandu.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register's search (GET /api/cases with the register's filters, as /cases runs it) at a number of cases on
 * PostgreSQL: {@code bench/register.sh [cases]} (default 100,000). The cases are written straight into jd_case and
 * jd_case_person with generate_series (loading them through the engine takes most of an hour at 100,000 and the
 * search reads only Jiandu's tables); a fifth of them get an open task in the engine's ACT_RU_TASK, a tenth of those
 * past its due date, so the overdue filter has work. Units, names and facts are Chinese from a few pools, so
 * that a search hits hundreds to thousands of cases as in a year's work. Each search: 20 warm-up requests, then
 * 100 one after another as a person waits for the page, over HTTP with Basic as leader1 (sees every case) and
 * north1 (one zone). Target: p95 ≤ 100 ms.
 */
public final class RegisterSearchRun {

    private static final String DATABASE = "register_bench";
    private static final int WARMUP = 20;
    private static final int SAMPLES = 100;

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (Postgres postgres = Postgres.start(Path.of("target", "bench-register"))) {
            try (var c = java.sql.DriverManager.getConnection(postgres.url("postgres"), postgres.user(),
                    postgres.password()); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                // A UTF-8 LC_CTYPE, as a Chinese deployment has: pg_trgm needs it to make trigrams of Chinese text.
                s.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'"
                        + " LC_CTYPE 'C.UTF-8'");
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JianduApplication.class)
                    .properties(Map.of("camunda.bpm.job-execution.enabled", "false", "server.port", "0",
                            "logging.level.root", "WARN"))
                    // Arguments, not default properties: application.yaml's datasource would win over those.
                    .run("--spring.datasource.url=" + postgres.url(DATABASE),
                            "--spring.datasource.username=" + postgres.user(),
                            "--spring.datasource.password=" + postgres.password())) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                System.out.println("trigrams of 北湖街道幸福社区: "
                        + jdbc.queryForObject("SELECT show_trgm('北湖街道幸福社区')::text", String.class));
                long start = System.nanoTime();
                load(jdbc, cases);
                System.out.printf("loaded %d cases in %.0f s%n", cases, (System.nanoTime() - start) / 1e9);
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                measure(new Http(port), jdbc);
            }
        }
    }

    private static void load(JdbcTemplate jdbc, int cases) {
        jdbc.execute("""
                CREATE TEMP TABLE pools AS SELECT
                  ARRAY['北湖街道','南湖街道','东城街道','西城街道','滨江街道','高新区','经开区','城关镇','青山镇','白云镇'] AS streets,
                  ARRAY['幸福社区','和平社区','阳光社区','光明社区','建设社区','长青社区','新华社区','花园社区','锦绣社区','康乐社区',
                        '农贸市场','隔离酒店','卫生服务中心','中心小学','物流园','客运站'] AS places,
                  ARRAY['出入口无人值守','未落实测温登记','防疫物资发放台账不实','隔离点值守人员脱岗','核酸检测组织混乱',
                        '瞒报密接人员信息','口罩发放不公','转嫁防控责任','层层加码搞一刀切','返乡人员排查不到位'] AS problems,
                  ARRAY['王','李','张','刘','陈','杨','黄','赵','周','吴','徐','孙','马','朱','胡','郭'] AS surnames,
                  ARRAY['明','伟','芳','娜','敏','静','强','磊','军','洋','勇','艳','杰','涛','超','建国','晓东','海燕'] AS givens
                """);
        jdbc.update("""
                INSERT INTO jd_case (case_number, process_instance_id, title, description, source, unit, persons_involved,
                    anonymous, reported_by, problem_type, severity, zone, stage, outcome, findings, reported_at, updated_at,
                    closed_at)
                SELECT 'JD-' || (2025 + g % 2) || '-' || lpad(g::text, 6, '0'), 'bench-' || g,
                    street || place || problem, '群众反映' || street || place || problem || '，经初步了解情况基本属实，涉及防控措施落实。',
                    (ARRAY['INSPECTION','STATIONED_GROUP','PUBLIC_REPORT','HOTLINE','MEDIA','HIGHER_REFERRAL'])[1 + h1 % 6],
                    street || place, street || place || '负责人' || person, FALSE, 'intake1',
                    (ARRAY['RESPONSIBILITY_NOT_IMPLEMENTED','INEFFECTIVE_PREVENTION','BUCK_PASSING','CONCEALED_REPORTING',
                      'DEFIANCE_OF_ORDERS','FORMALISM_BUREAUCRATISM','RUMOR_SPREADING','MISUSE_OF_FUNDS',
                      'HARMING_PUBLIC_INTEREST','OTHER'])[1 + h2 % 10],
                    (ARRAY['MINOR','SERIOUS','GRAVE'])[1 + h3 % 3], CASE WHEN h4 % 2 = 0 THEN 'NORTH' ELSE 'SOUTH' END,
                    CASE WHEN h5 % 5 = 0 THEN (ARRAY['TRIAGE','VERIFICATION','DECISION','INQUIRY','APPROVAL'])[1 + h3 % 5]
                         ELSE 'CLOSED' END,
                    CASE WHEN h5 % 5 = 0 THEN NULL ELSE (ARRAY['ACCOUNTABILITY','UNSUBSTANTIATED','CLOSED_AT_TRIAGE',
                      'INQUIRY_ACCEPTED','EXEMPTED'])[1 + h1 % 5] END,
                    CASE WHEN h5 % 5 = 0 THEN NULL ELSE '经核查，' || street || place || problem || '问题属实。' END,
                    now() - (g % 700) * interval '1 day' - (g % 1440) * interval '1 minute',
                    now() - (g % 600) * interval '1 day', CASE WHEN g % 5 = 0 THEN NULL ELSE now() - (g % 600) * interval '1 day' END
                FROM (SELECT g, abs(hashtext(g || 'a')) AS h1, abs(hashtext(g || 'b')) AS h2, abs(hashtext(g || 'c')) AS h3,
                        abs(hashtext(g || 'd')) AS h4, abs(hashtext(g || 'e')) AS h5,
                        streets[1 + g % 10] AS street, places[1 + (g / 10) % 16] AS place,
                        problems[1 + (g / 7) % 10] AS problem,
                        surnames[1 + (g / 3) % 16] || givens[1 + (g / 11) % 18] AS person
                      FROM generate_series(1, ?) g, pools) s""", cases);
        // Two persons held accountable in the cases decided for accountability.
        jdbc.update("""
                INSERT INTO jd_case_person (case_number, position, name, unit, post, responsibility, measure, created_at, updated_at)
                SELECT c.case_number, p.position,
                    surnames[1 + (c.id / 3 + p.position) % 16] || givens[1 + (c.id / 11 + p.position * 5) % 18], c.unit,
                    CASE p.position WHEN 1 THEN '网格员' ELSE '书记' END,
                    CASE p.position WHEN 1 THEN 'DIRECT' ELSE 'PRINCIPAL_LEADERSHIP' END,
                    (ARRAY['TALK_REMINDER','CRITICISM_EDUCATION','CIRCULATED_CRITICISM','ADMONISHMENT'])[1 + c.id % 4],
                    now(), now()
                FROM jd_case c CROSS JOIN (VALUES (1), (2)) p(position), pools
                WHERE c.outcome = 'ACCOUNTABILITY'""");
        // The open cases' tasks (engine rows written by hand: only their process instance and due date are read).
        String definition = jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'supervisionCase'"
                + " ORDER BY VERSION_ DESC LIMIT 1", String.class);
        jdbc.update("""
                INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_,
                    IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_)
                SELECT process_instance_id, 1, process_instance_id, process_instance_id, case_number, ?, TRUE, FALSE, TRUE,
                    FALSE, 1 FROM jd_case WHERE stage <> 'CLOSED'""", definition);
        jdbc.update("""
                INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_, PRIORITY_,
                    CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_)
                SELECT 'task-' || id, 1, process_instance_id, process_instance_id, ?, '初步核实', 'verifyCase', 50,
                    reported_at, reported_at + CASE WHEN id % 50 = 0 THEN interval '1 day' ELSE interval '3000 days' END, 1
                FROM jd_case WHERE stage <> 'CLOSED'""", definition);
        // As autovacuum leaves a table between bursts of work: statistics and the visibility map (index-only counts).
        jdbc.execute("VACUUM ANALYZE");
    }

    private static void measure(Http http, JdbcTemplate jdbc) {
        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("first page (reported desc)", "");
        searches.put("unit 幸福社区", "unit=" + enc("幸福社区"));
        searches.put("unit 北湖街道农贸市场", "unit=" + enc("北湖街道农贸市场"));
        searches.put("person 李明 (2 characters)", "person=" + enc("李明"));
        searches.put("person 王建国 (3 characters)", "person=" + enc("王建国"));
        searches.put("person 李 (1 character)", "person=" + enc("李"));
        searches.put("keyword 口罩 (2 characters)", "keyword=" + enc("口罩"));
        searches.put("keyword 未落实测温登记", "keyword=" + enc("未落实测温登记"));
        searches.put("keyword 口 (1 character)", "keyword=" + enc("口"));
        searches.put("unit 社区 (60 %)", "unit=" + enc("社区"));
        searches.put("case number 012345", "caseNumber=012345");
        searches.put("stage+zone+type+source", "stage=VERIFICATION&zone=NORTH&problemType=INEFFECTIVE_PREVENTION&source=HOTLINE");
        searches.put("outcome + reported last 90 days", "outcome=ACCOUNTABILITY&reportedFrom="
                + java.time.LocalDate.now().minusDays(90));
        searches.put("overdue", "overdue=true");
        searches.put("unit + keyword, sorted by update", "unit=" + enc("社区") + "&keyword=" + enc("测温") + "&sort=UPDATED");
        searches.put("page 50 of all", "page=50");
        jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        jdbc.execute("SELECT pg_stat_statements_reset()");
        System.out.println();
        System.out.printf("load average at start: %.2f (2 cores shared with other work: figures are for scale)%n",
                Runs.loadAverage());
        System.out.printf("register search at %,d cases (%,d persons, %,d open tasks), PostgreSQL %s%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM jd_case", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM jd_case_person", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class),
                jdbc.queryForObject("SHOW server_version", String.class));
        System.out.println();
        System.out.println("| search | user | found | p50 | p95 | p99 |");
        System.out.println("|---|---|---|---|---|---|");
        List<Long> all = new ArrayList<>();
        for (var search : searches.entrySet()) {
            for (String user : new String[] {"leader1", "north1"}) {
                String path = "/api/cases?" + search.getValue();
                Http.Answer first = http.get(user, path).expect(200, path);
                long found = first.json().get("totalElements").asLong();
                // A broad search counts only up to a cap (totalExact false): "found" is then "at least".
                String foundText = (first.json().path("totalExact").asBoolean(true) ? "" : "≥ ")
                        + String.format("%,d", found);
                for (int i = 0; i < WARMUP; i++) {
                    http.get(user, path).expect(200, path);
                }
                List<Long> nanos = new ArrayList<>();
                for (int i = 0; i < SAMPLES; i++) {
                    long start = System.nanoTime();
                    http.get(user, path).expect(200, path);
                    nanos.add(System.nanoTime() - start);
                }
                all.addAll(nanos);
                Percentiles p = Percentiles.ofNanos(nanos);
                System.out.printf("| %s | %s | %s | %.1f ms | %.1f ms | %.1f ms |%n", search.getKey(), user, foundText,
                        p.p50(), p.p95(), p.p99());
            }
        }
        Percentiles overall = Percentiles.ofNanos(all);
        System.out.printf("| **all searches** | both | | %.1f ms | %.1f ms | %.1f ms |%n", overall.p50(), overall.p95(),
                overall.p99());
        System.out.println("\nthe database's own time for the register's statements (pg_stat_statements, mean per call):");
        jdbc.query("""
                SELECT calls, round(mean_exec_time::numeric, 1) AS mean, round(max_exec_time::numeric, 1) AS max,
                    left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS q
                FROM pg_stat_statements WHERE query ILIKE '%jd_case%' AND calls >= 50
                ORDER BY total_exec_time DESC LIMIT 12""",
                rs -> {
                    System.out.printf("  %5d calls, mean %6s ms, max %6s ms: %s%n", rs.getLong("calls"),
                            rs.getBigDecimal("mean"), rs.getBigDecimal("max"), rs.getString("q"));
                });
        explainBroadSearches(jdbc);
        long start = System.nanoTime();
        Http.Answer export = http.get("leader1", "/cases/export?unit=" + enc("社区"));
        System.out.printf("load average at end: %.2f%n", Runs.loadAverage());
        System.out.printf("%nexport of the first 10,000 cases of unit 社区: %d, %,d characters read, %.0f ms%n",
                export.status(), export.body().length(), (System.nanoTime() - start) / 1e6);
    }

    /** The plans of the broad searches' statements as CaseRepository writes them (first page, capped count). */
    private static void explainBroadSearches(JdbcTemplate jdbc) {
        String facts = "jd_bigrams(title || ' ' || description || ' ' || coalesce(findings, '')) @> jd_bigrams('%s')"
                + " AND (title LIKE '%%%s%%' OR description LIKE '%%%s%%' OR findings LIKE '%%%s%%')";
        String mask = String.format(facts, "口罩", "口罩", "口罩", "口罩");
        String unitAndHeat = "(jd_bigrams(unit) @> jd_bigrams('社区') AND unit LIKE '%社区%') AND "
                + String.format(facts, "测温", "测温", "测温", "测温") + " AND (reported_by = 'north1' OR zone = 'NORTH')";
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("keyword 口罩, first page", "SELECT * FROM jd_case WHERE " + mask
                + " ORDER BY reported_at DESC, case_number DESC LIMIT 20 OFFSET 0");
        statements.put("keyword 口罩, count up to 1,001", "SELECT COUNT(*) FROM (SELECT 1 FROM jd_case WHERE " + mask
                + " LIMIT 1001) matches");
        statements.put("unit 社区 + keyword 测温 (north1), by update, first page", "SELECT * FROM jd_case WHERE "
                + unitAndHeat + " ORDER BY updated_at DESC, case_number DESC LIMIT 20 OFFSET 0");
        statements.put("unit 社区 + keyword 测温 (north1), count up to 1,001", "SELECT COUNT(*) FROM (SELECT 1 FROM jd_case"
                + " WHERE " + unitAndHeat + " LIMIT 1001) matches");
        statements.put("keyword 口 (1 character), first page", "SELECT * FROM jd_case WHERE jd_unigrams(title || ' ' ||"
                + " description || ' ' || coalesce(findings, '')) @> jd_unigrams('口') AND (title LIKE '%口%' OR"
                + " description LIKE '%口%' OR findings LIKE '%口%') ORDER BY reported_at DESC, case_number DESC LIMIT 20");
        statements.put("person 李 (1 character), broad: case by case in order, first page", "SELECT * FROM jd_case WHERE"
                + " (persons_involved LIKE '%李%' OR case_number IN"
                + " (SELECT case_number FROM jd_case_person WHERE jd_unigrams(name) @> jd_unigrams('李') AND name LIKE '%李%'))"
                + " ORDER BY reported_at DESC, case_number DESC LIMIT 20");
        for (var statement : statements.entrySet()) {
            System.out.println("\nplan of " + statement.getKey() + ":");
            try {
                // As CaseQueries.search runs them: without parallel workers.
                jdbc.execute((java.sql.Connection connection) -> {
                    try (var s = connection.createStatement()) {
                        s.execute("SET max_parallel_workers_per_gather = 0");
                        try (var plan = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement.getValue())) {
                            while (plan.next()) {
                                System.out.println("  " + plan.getString(1));
                            }
                        }
                        s.execute("RESET max_parallel_workers_per_gather");
                    }
                    return null;
                });
            } catch (RuntimeException failed) {
                System.out.println("  (no plan: " + failed.getMessage() + ")");
            }
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
