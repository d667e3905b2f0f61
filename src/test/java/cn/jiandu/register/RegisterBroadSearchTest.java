package cn.jiandu.register;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A search that finds more cases than the register counts (here 3, in production 1,000): the API says "more than"
 * with totalExact false and still leads page by page to every case, the page says 找到 … 件以上 with a next page,
 * and a narrow search, or the last pages of a broad one, still get their exact count — as far as the reader may see.
 * A broad person search, which looks case by case, finds every case a narrow one would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:register-broad;DB_CLOSE_DELAY=-1",
        "jiandu.register.count-limit=3"})
class RegisterBroadSearchTest {

    private static final int BROAD = 25;
    private static boolean seeded;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void twentyFiveCasesOfOneCommunityAndTwoOfAnotherPlace() {
        http = new Http(port);
        if (seeded) {
            return;
        }
        seeded = true;
        for (int i = 1; i <= BROAD; i++) {
            record(String.format("BS-2026-%05d", i), "西城街道锦绣社区", "NORTH", i, "网格员李某");
        }
        record("BS-2026-00901", "东城街道物流园", "SOUTH", 1, "站长王某");
        record("BS-2026-00902", "东城街道物流园", "SOUTH", 2, null);
    }

    @Test
    void aBroadSearchSaysMoreThanAndAClientThatFollowsTotalPagesStillGetsEveryCase() {
        JsonNode first = search("leader1", "unit=" + encode("锦绣社区") + "&size=2&page=0");
        assertThat(first.get("totalExact").asBoolean()).isFalse();
        assertThat(first.get("totalElements").asLong()).as("counted up to the limit, more exist").isEqualTo(3);
        assertThat(first.get("totalPages").asLong()).as("at least one page past those counted").isEqualTo(2);
        assertThat(first.get("content")).hasSize(2);

        List<String> all = new ArrayList<>();
        JsonNode page = first;
        for (int n = 0; n < page.get("totalPages").asLong(); n++) {
            page = search("leader1", "unit=" + encode("锦绣社区") + "&size=2&page=" + n);
            page.get("content").forEach(c -> all.add(c.get("caseNumber").asText()));
        }
        assertThat(all).hasSize(BROAD).doesNotHaveDuplicates()
                .startsWith("BS-2026-00025", "BS-2026-00024").endsWith("BS-2026-00001");
        assertThat(page.get("totalExact").asBoolean()).as("near the end the count is exact again").isTrue();
        assertThat(page.get("totalElements").asLong()).isEqualTo(BROAD);
    }

    @Test
    void aBroadPersonSearchLooksCaseByCaseAndStillFindsEveryCase() {
        List<String> all = new ArrayList<>();
        JsonNode page = search("leader1", "person=" + encode("李") + "&size=10&page=0");
        assertThat(page.get("totalExact").asBoolean()).isFalse();
        for (int n = 0; n < page.get("totalPages").asLong(); n++) {
            page = search("leader1", "person=" + encode("李") + "&size=10&page=" + n);
            page.get("content").forEach(c -> all.add(c.get("caseNumber").asText()));
        }
        assertThat(all).hasSize(BROAD).doesNotHaveDuplicates().doesNotContain("BS-2026-00901", "BS-2026-00902");
    }

    @Test
    void aNarrowSearchAndWhatAZoneMayNotSeeAreCountedExactly() {
        JsonNode narrow = search("leader1", "unit=" + encode("物流园") + "&size=1");
        assertThat(narrow.get("totalExact").asBoolean()).isTrue();
        assertThat(narrow.get("totalElements").asLong()).isEqualTo(2);
        assertThat(narrow.get("totalPages").asLong()).isEqualTo(2);

        JsonNode south = search("south1", "unit=" + encode("锦绣社区") + "&size=2");
        assertThat(south.get("totalExact").asBoolean()).as("the north's cases are not counted for the south").isTrue();
        assertThat(south.get("totalElements").asLong()).isZero();
        assertThat(south.get("content")).isEmpty();

        JsonNode beyond = search("leader1", "unit=" + encode("锦绣社区") + "&size=2&page=40");
        assertThat(beyond.get("content")).isEmpty();
        assertThat(beyond.get("totalExact").asBoolean()).as("past the end: the count says where the end is").isTrue();
        assertThat(beyond.get("totalPages").asLong()).isEqualTo(13);
    }

    @Test
    void theRegisterPageSaysMoreThanAndItsNextPageLeadsOnToAnExactLastPage() {
        Answer first = http.get("north1", "/cases?unit=" + encode("锦绣社区"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("找到 <strong id=\"total\">20</strong> 件<span id=\"total-more\">以上",
                "id=\"next-page\"", "页以上", "找到 20 件以上，如超过 10000 件，导出将只含按所选排序的前 10000 件");

        Answer second = http.get("north1", "/cases?unit=" + encode("锦绣社区") + "&page=2");
        assertThat(second.body()).contains("共 <strong id=\"total\">25</strong> 件", "BS-2026-00001")
                .doesNotContain("total-more", "id=\"next-page\"", "页以上");

        Answer narrow = http.get("north1", "/cases?unit=" + encode("锦绣社区") + "&reportedFrom=2026-03-25");
        assertThat(narrow.body()).contains("共 <strong id=\"total\">2</strong> 件").doesNotContain("total-more");
    }

    private JsonNode search(String user, String query) {
        Answer answer = http.get(user, "/api/cases?" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Case i is reported on 1 March + i days: the newest has the highest number. */
    private void record(String number, String unit, String zone, int i, String personsInvolved) {
        OffsetDateTime reportedAt = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8)).plusDays(i);
        jdbc.update("""
                INSERT INTO jd_case (case_number, process_instance_id, title, description, source, unit, persons_involved,
                    anonymous, problem_type, zone, stage, reported_at, updated_at)
                VALUES (?, ?, '出入口无人值守', '群众反映出入口无人值守', 'HOTLINE', ?, ?, FALSE, 'INEFFECTIVE_PREVENTION', ?,
                    'TRIAGE', ?, ?)""",
                number, "seeded-" + number, unit, personsInvolved, zone, reportedAt, reportedAt);
    }
}
