package cn.jiandu.units;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A unit's history (/units?name=) and where rectifications show in the register, as officers meet them over
 * HTTP: a market on the zones' border was inspected, had cases and rectifications in both zones; each team
 * sees its own zone's records of it and nothing of the other's, the leaders see all, and the case page and the
 * register show the case's rectification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:unit-history-web;DB_CLOSE_DELAY=-1"})
class UnitHistoryWebTest {

    private static final String UNIT = "两区交界农贸市场";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    static boolean seeded;

    @BeforeEach
    void theMarketHasRecordsInBothZones() {
        http = new Http(port);
        if (seeded) {
            return;
        }
        seeded = true;
        kase("UH-2026-00001", "北片检查发现市场未测温", "NORTH");
        kase("UH-2026-00002", "南片检查发现市场台账造假", "SOUTH");
        long north = inspection("NORTH", TODAY.minusDays(20));
        finding(north, 1, "INEFFECTIVE_PREVENTION", "入口未测温（北片记录）", "CASE", null, "UH-2026-00001", null);
        finding(north, 2, "FORMALISM_BUREAUCRATISM", "消毒记录补记（北片记录）", "ON_SPOT", null, null, "ZG-2026-90001");
        long south = inspection("SOUTH", TODAY.minusDays(10));
        finding(south, 1, "MISUSE_OF_FUNDS", "物资台账不实（南片记录）", "CASE", "一年内同类问题再次发现，依规立案",
                "UH-2026-00002", null);
        rectification("ZG-2026-90001", "NORTH", null, "INSPECTION", "COMPLETED", "北片当场整改：补齐消毒记录", null);
        rectification("ZG-2026-90002", "NORTH", "UH-2026-00001", "DECISION", "RECTIFYING", "北片问责后整改：落实测温",
                TODAY.minusDays(1));
        rectification("ZG-2026-90003", "SOUTH", "UH-2026-00002", "DECISION", "RECTIFYING", "南片问责后整改：重建台账",
                TODAY.plusDays(9));
    }

    @Test
    void aTeamSeesItsOwnZonesRecordsOfTheUnitAndNothingOfTheOthers() {
        String north = page("north1").expect(200, "north's history").body();
        assertThat(north).contains("近12个月检查 1 次，发现问题 2 个，整改完成 1 个，未完成 1 个")
                .contains("入口未测温（北片记录）", "当场整改", "UH-2026-00001", "ZG-2026-90001", "ZG-2026-90002",
                        "北片问责后整改：落实测温", "已逾期")
                .doesNotContain("南片记录", "UH-2026-00002", "ZG-2026-90003", "南片问责后整改", "依规立案");

        String south = page("south1").expect(200, "south's history").body();
        assertThat(south).contains("近12个月检查 1 次，发现问题 1 个，整改完成 0 个，未完成 1 个")
                .contains("物资台账不实（南片记录）", "一年内同类问题再次发现，依规立案", "UH-2026-00002", "ZG-2026-90003")
                .doesNotContain("北片记录", "UH-2026-00001", "ZG-2026-90001", "ZG-2026-90002");

        assertThat(page("leader1").body()).contains("近12个月检查 2 次，发现问题 3 个，整改完成 1 个，未完成 2 个")
                .contains("北片记录", "南片记录", "ZG-2026-90001", "ZG-2026-90002", "ZG-2026-90003");
        assertThat(page("stationed1").expect(200, "a group that sees no zone").body())
                .contains("近12个月检查 0 次，发现问题 0 个，整改完成 0 个，未完成 0 个")
                .doesNotContain("记录）", "UH-2026-", "ZG-2026-");
    }

    @Test
    void withoutALoginOrAUnitThePageSaysWhatToDo() {
        assertThat(http.get(null, "/units?name=" + encode(UNIT)).status()).isEqualTo(302);
        Answer nameless = http.get("north1", "/units");
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.body()).contains("请在地址中写明单位名称");
        assertThat(http.get("north1", "/units?name=" + "很".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void theCasePageAndTheRegisterShowTheCasesRectificationAndLinkToTheUnit() {
        String casePage = http.get("north1", "/cases/UH-2026-00001").expect(200, "case page").body();
        assertThat(casePage).contains("整改督办", "ZG-2026-90002", "问责决定后整改", "整改中", "已逾期", "北片问责后整改：落实测温")
                .contains("/units?name=" + encode(UNIT)).doesNotContain("ZG-2026-90003");

        String register = http.get("north1", "/cases?unit=" + encode(UNIT)).expect(200, "register").body();
        assertThat(register).contains("UH-2026-00001", "整改中（已逾期）", "/units?name=" + encode(UNIT))
                .doesNotContain("UH-2026-00002");
        assertThat(http.get("leader1", "/cases?unit=" + encode(UNIT)).body()).contains("UH-2026-00002", "整改中");
    }

    private Answer page(String user) {
        return http.get(user, "/units?name=" + encode(UNIT));
    }

    private void kase(String number, String title, String zone) {
        OffsetDateTime reported = OffsetDateTime.now().minusDays(15);
        jdbc.update("""
                INSERT INTO jd_case (case_number, process_instance_id, title, description, source, unit, anonymous,
                    problem_type, zone, stage, reported_at, updated_at)
                VALUES (?, ?, ?, '检查发现', 'INSPECTION', ?, FALSE, 'INEFFECTIVE_PREVENTION', ?, 'NOTICE', ?, ?)""",
                number, "seeded-" + number, title, UNIT, zone, reported, reported);
    }

    private long inspection(String zone, LocalDate on) {
        jdbc.update("""
                INSERT INTO jd_inspection (unit, unit_kind, zone, mode, scope, channel, planned_date, planned_at, status,
                    inspected_on, summary, problem_count, recorded_at, planned_by, recorded_by)
                VALUES (?, 'MARKET', ?, 'OPEN', 'COMPREHENSIVE', 'ON_SITE', ?, ?, 'CARRIED_OUT', ?, '检查', 0, ?, ?, ?)""",
                UNIT, zone, on, OffsetDateTime.now(), on, OffsetDateTime.now(), zone.toLowerCase() + "-planner",
                zone.toLowerCase() + "-recorder");
        long id = jdbc.queryForObject("SELECT MAX(id) FROM jd_inspection", Long.class);
        return id;
    }

    private void finding(long inspection, int position, String type, String description, String handling, String note,
            String caseNumber, String rectificationNumber) {
        jdbc.update("""
                INSERT INTO jd_inspection_finding (inspection_id, position, problem_type, description, unit, handling,
                    handling_note, case_number, rectification_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", inspection, position, type, description, UNIT, handling, note,
                caseNumber, rectificationNumber);
        jdbc.update("UPDATE jd_inspection SET problem_count = problem_count + 1 WHERE id = ?", inspection);
    }

    private void rectification(String number, String zone, String caseNumber, String origin, String state,
            String summary, LocalDate deadline) {
        jdbc.update("""
                INSERT INTO jd_rectification (rectification_number, origin, mode, case_number, zone, unit, unit_kind,
                    summary, state, deadline, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'MARKET', ?, ?, ?, ?)""", number, origin,
                caseNumber == null ? "ON_SPOT" : "WITHIN_DEADLINE", caseNumber, zone, UNIT, summary, state, deadline,
                Timestamp.from(OffsetDateTime.now().minusDays(5).toInstant()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
