package cn.jiandu.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.jiandu.accountability.CadreLevel;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public notice page, its JSON and Atom feed, and withdrawal by leaders, over HTTP: single notices
 * (route version 1) and bulletins naming several cases with their persons (route version 2).
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:public-notices-web;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
class PublicNoticesWebTest {

    static final String SCRIPT_TITLE = "<script>alert('xss')</script>关于某社区的通报";
    static final String SCRIPT_BODY = "第一段 <b>加粗</b> & \"引号\"\n<img src=x onerror=alert(1)>第二段";

    @Autowired
    MockMvc mvc;
    @Autowired
    NoticeRepository notices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonRepository persons;
    @Autowired
    CaseNotices caseNotices;

    @BeforeEach
    void noNotices() {
        jdbc.update("DELETE FROM jd_notice");
        jdbc.update("DELETE FROM jd_bulletin_case");
        jdbc.update("DELETE FROM jd_bulletin");
    }

    // ---- the page ---------------------------------------------------------------------------------

    @Test
    void thePageListsPublishedNoticesNewestFirstTenAPage() throws Exception {
        for (int day = 1; day <= 12; day++) {
            publish("JD-2020-%05d".formatted(day), "第" + day + "号通报", day);
        }

        String first = mvc.perform(get("/notices"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(content().string(containsString("第 1 页，共 2 页（12 条）")))
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("第12号通报", "第3号通报").doesNotContain("第2号通报", "第1号通报");
        assertThat(first.indexOf("第12号通报")).isLessThan(first.indexOf("第11号通报"));

        mvc.perform(get("/notices").param("page", "2"))
                .andExpect(content().string(containsString("第2号通报")))
                .andExpect(content().string(containsString("第1号通报")))
                .andExpect(content().string(not(containsString("第3号通报"))));
        mvc.perform(get("/notices").param("page", "99"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 页，共 2 页")));
    }

    @Test
    void aNoticeHasItsOwnPageWithFactsAndNothingInternal() throws Exception {
        long id = publish("JD-2020-00042", "关于某街道挪用防控物资问题的通报", 3);

        mvc.perform(get("/notices/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("关于某街道挪用防控物资问题的通报")))
                .andExpect(content().string(containsString("北湖街道")))
                .andExpect(content().string(containsString("贪污截留私分挪用防控款物")))
                .andExpect(content().string(containsString("立案审查调查")))
                .andExpect(content().string(containsString("2020年3月3日")))
                .andExpect(content().string(not(containsString("leader1"))));
        mvc.perform(get("/notices/{id}", id + 1000))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("该通报不存在或已撤回")));
    }

    @Test
    void thePageNeedsNoLoginAndNoOutsideResources() throws Exception {
        publish("JD-2020-00043", "通报", 1);
        String page = mvc.perform(get("/notices")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html lang=\"zh-CN\"", "name=\"viewport\"", "/css/notices.css", "/notices/feed.atom")
                .doesNotContain("http://", "https://", "<script");
        mvc.perform(get("/css/notices.css")).andExpect(status().isOk())
                .andExpect(content().string(containsString("white-space: pre-wrap")));
    }

    // ---- JSON and Atom -----------------------------------------------------------------------------

    @Test
    void theJsonListsWhatTheNoticeShowsWithChineseLabelsAndNoApprover() throws Exception {
        publish("JD-2020-00044", "关于某街道挪用防控物资问题的通报", 5);

        mvc.perform(get("/api/notices"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].caseNumber").value("JD-2020-00044"))
                .andExpect(jsonPath("$.content[0].title").value("关于某街道挪用防控物资问题的通报"))
                .andExpect(jsonPath("$.content[0].unit").value("北湖街道"))
                .andExpect(jsonPath("$.content[0].problemType").value("MISUSE_OF_FUNDS"))
                .andExpect(jsonPath("$.content[0].problemTypeLabel").value("贪污截留私分挪用防控款物"))
                .andExpect(jsonPath("$.content[0].measure").value("CASE_FILING"))
                .andExpect(jsonPath("$.content[0].measureLabel").value("立案审查调查"))
                .andExpect(jsonPath("$.content[0].publishedAt").value("2020-03-05T09:30:00+08:00"))
                .andExpect(jsonPath("$.content[0].approvedBy").doesNotExist())
                .andExpect(content().string(not(containsString("leader1"))));
        mvc.perform(get("/api/notices").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theAtomFeedCarriesThePublishedNotices() throws Exception {
        long id = publish("JD-2020-00045", "关于某街道挪用防控物资问题的通报", 6);

        Feed feed = feed();
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("https://jiwei.example.cn:8443/notices");
        assertThat(feed.getEntries()).hasSize(1);
        Entry entry = feed.getEntries().get(0);
        assertThat(entry.getId()).isEqualTo("https://jiwei.example.cn:8443/notices/" + id);
        assertThat(entry.getTitleEx().getValue()).isEqualTo("关于某街道挪用防控物资问题的通报");
        assertThat(entry.getContents()).extracting(Content::getValue).containsExactly("问题正文");
        assertThat(entry.getPublished().toInstant())
                .isEqualTo(OffsetDateTime.of(2020, 3, 6, 9, 30, 0, 0, ZoneOffset.ofHours(8)).toInstant());
    }

    // ---- typed text stays text ---------------------------------------------------------------------

    @Test
    void markupInANoticeIsEscapedOnThePages() throws Exception {
        long id = publish("JD-2020-00046", SCRIPT_TITLE, SCRIPT_BODY, 1);

        for (String path : List.of("/notices", "/notices/" + id)) {
            String page = mvc.perform(get(path)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as(path)
                    .contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;关于某社区的通报")
                    .doesNotContain("<script", "<b>", "<img");
        }
        String detail = mvc.perform(get("/notices/{id}", id)).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("第一段 &lt;b&gt;加粗&lt;/b&gt; &amp; &quot;引号&quot;\n&lt;img src=x onerror=alert(1)&gt;第二段");
    }

    @Test
    void markupInANoticeIsDataInJsonAndTextInAtom() throws Exception {
        publish("JD-2020-00047", SCRIPT_TITLE, SCRIPT_BODY, 1);

        String json = mvc.perform(get("/api/notices"))
                .andExpect(jsonPath("$.content[0].title").value(SCRIPT_TITLE))
                .andExpect(jsonPath("$.content[0].body").value(SCRIPT_BODY))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\\u003Cscript\\u003E").doesNotContain("<", ">");

        String atom = atom();
        assertThat(atom).contains("&lt;script&gt;alert('xss')&lt;/script&gt;关于某社区的通报")
                .doesNotContain("<script", "<b>", "<img");
        Entry entry = feed().getEntries().get(0);
        assertThat(entry.getTitleEx().getType()).isEqualTo("text");
        assertThat(entry.getTitleEx().getValue()).isEqualTo(SCRIPT_TITLE);
        assertThat(entry.getContents().get(0).getType()).isEqualTo("text");
        assertThat(entry.getContents().get(0).getValue()).isEqualTo(SCRIPT_BODY);
    }

    @Test
    void aControlCharacterTypedIntoANoticeDoesNotBreakTheFeed() throws Exception {
        publish("JD-2020-00048", "标题\u0007含控制字符", 1);
        assertThat(feed().getEntries().get(0).getTitleEx().getValue()).isEqualTo("标题含控制字符");
    }

    // ---- withdrawal --------------------------------------------------------------------------------

    @Test
    void leadersWithdrawANoticeWithAReasonAndItDisappearsEverywhere() throws Exception {
        long kept = publish("JD-2020-00049", "保留的通报", 1);
        long withdrawn = publish("JD-2020-00050", "撤回的通报", 2);

        mvc.perform(withdraw(withdrawn, "{\"reason\":\"当事人身份信息有误，核实后重新发布\"}").header(HttpHeaders.AUTHORIZATION, basic("leader1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(withdrawn))
                .andExpect(jsonPath("$.withdrawnBy").value("leader1"))
                .andExpect(jsonPath("$.reason").value("当事人身份信息有误，核实后重新发布"));

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT withdrawn_at, withdrawn_by, withdrawn_reason FROM jd_notice WHERE id = ?", withdrawn);
        assertThat(row.get("WITHDRAWN_AT")).isNotNull();
        assertThat(row).containsEntry("WITHDRAWN_BY", "leader1")
                .containsEntry("WITHDRAWN_REASON", "当事人身份信息有误，核实后重新发布");

        mvc.perform(get("/notices")).andExpect(content().string(not(containsString("撤回的通报"))))
                .andExpect(content().string(containsString("保留的通报")));
        mvc.perform(get("/notices/{id}", withdrawn)).andExpect(status().isNotFound());
        mvc.perform(get("/notices/{id}", kept)).andExpect(status().isOk());
        mvc.perform(get("/api/notices")).andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(kept));
        assertThat(feed().getEntries()).extracting(e -> e.getTitleEx().getValue()).containsExactly("保留的通报");

        mvc.perform(withdraw(withdrawn, "{\"reason\":\"再次撤回\"}").header(HttpHeaders.AUTHORIZATION, basic("leader1")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.queryForObject("SELECT withdrawn_reason FROM jd_notice WHERE id = ?", String.class, withdrawn))
                .isEqualTo("当事人身份信息有误，核实后重新发布");
    }

    @Test
    void onlyLeadersMayWithdrawAndOnlyWithAReason() throws Exception {
        long id = publish("JD-2020-00051", "通报", 1);

        mvc.perform(withdraw(id, "{\"reason\":\"理由\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(withdraw(id, "{\"reason\":\"理由\"}").header(HttpHeaders.AUTHORIZATION, basic("nobody")))
                .andExpect(status().isUnauthorized());
        for (String user : List.of("publicity1", "intake1", "admin")) {
            mvc.perform(withdraw(id, "{\"reason\":\"理由\"}").header(HttpHeaders.AUTHORIZATION, basic(user)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("只有委领导可以撤回通报"));
        }
        for (String body : List.of("{\"reason\":\"  \"}", "{}")) {
            mvc.perform(withdraw(id, body).header(HttpHeaders.AUTHORIZATION, basic("leader1")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("请填写撤回理由"));
        }
        mvc.perform(withdraw(id + 1000, "{\"reason\":\"理由\"}").header(HttpHeaders.AUTHORIZATION, basic("leader1")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.queryForObject("SELECT withdrawn_at FROM jd_notice WHERE id = ?", OffsetDateTime.class, id))
                .isNull();
    }

    // ---- bulletins naming several cases (route version 2) ------------------------------------------

    @Test
    void aBulletinIsListedWithTheNoticesAndNamesEachPersonOnItsPage() throws Exception {
        publish("JD-2020-00060", "第一号单案通报", 1);
        long id = bulletin(2, "JD-2020-00061", "JD-2020-00062");

        String list = mvc.perform(get("/notices")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("关于2起典型问题的通报", "/notices/bulletins/" + id, "点名 2 起典型问题", "第一号单案通报");
        assertThat(list.indexOf("关于2起典型问题的通报")).isLessThan(list.indexOf("第一号单案通报"));

        mvc.perform(get("/notices/bulletins/{id}", id))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(content().string(containsString("幸福社区卡口无人值守")))
                .andExpect(content().string(containsString("张三")))
                .andExpect(content().string(containsString("网格员")))
                .andExpect(content().string(containsString("直接责任")))
                .andExpect(content().string(containsString("通报批评")))
                .andExpect(content().string(containsString("李四")))
                .andExpect(content().string(containsString("主要领导责任")))
                .andExpect(content().string(containsString("诫勉")))
                .andExpect(content().string(not(containsString("王五"))))
                .andExpect(content().string(not(containsString("leader1"))));
        mvc.perform(get("/notices/bulletins/{id}", id + 1000)).andExpect(status().isNotFound());
    }

    @Test
    void theJsonAndTheFeedCarryTheBulletinWithItsCasesAndNamedPersons() throws Exception {
        publish("JD-2020-00063", "单案通报", 1);
        long id = bulletin(2, "JD-2020-00064", "JD-2020-00065");

        mvc.perform(get("/api/notices"))
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].kind").value("BULLETIN"))
                .andExpect(jsonPath("$.content[0].id").value(id))
                .andExpect(jsonPath("$.content[0].link").value("/notices/bulletins/" + id))
                .andExpect(jsonPath("$.content[0].title").value("关于2起典型问题的通报"))
                .andExpect(jsonPath("$.content[0].cases.length()").value(2))
                .andExpect(jsonPath("$.content[0].cases[0].caseNumber").value("JD-2020-00064"))
                .andExpect(jsonPath("$.content[0].cases[0].problemTypeLabel").value("形式主义官僚主义"))
                .andExpect(jsonPath("$.content[0].cases[0].persons.length()").value(2))
                .andExpect(jsonPath("$.content[0].cases[0].persons[0].name").value("张三"))
                .andExpect(jsonPath("$.content[0].cases[0].persons[0].post").value("网格员"))
                .andExpect(jsonPath("$.content[0].cases[0].persons[0].responsibilityLabel").value("直接责任"))
                .andExpect(jsonPath("$.content[0].cases[0].persons[0].measureLabel").value("通报批评"))
                .andExpect(jsonPath("$.content[0].cases[0].persons[1].measure").value("ADMONISHMENT"))
                .andExpect(jsonPath("$.content[0].approvedBy").doesNotExist())
                .andExpect(jsonPath("$.content[1].kind").value("NOTICE"))
                .andExpect(jsonPath("$.content[1].caseNumber").value("JD-2020-00063"))
                .andExpect(jsonPath("$.content[1].cases").doesNotExist());

        Entry entry = feed().getEntries().get(0);
        assertThat(entry.getId()).isEqualTo("https://jiwei.example.cn:8443/notices/bulletins/" + id);
        assertThat(entry.getTitleEx().getValue()).isEqualTo("关于2起典型问题的通报");
        assertThat(entry.getContents().get(0).getValue()).contains("张三", "JD-2020-00065");
    }

    @Test
    void aDecisionRevokedOnAppealTakesItsCaseOutOfThePublishedBulletin() throws Exception {
        long id = bulletin(3, "JD-2020-00066", "JD-2020-00067");

        assertThat(caseNotices.withdraw("JD-2020-00066", "leader1", "问责决定经申诉复查被撤销")).isTrue();

        Map<String, Object> entry = jdbc.queryForMap(
                "SELECT withdrawn_at, withdrawn_by, withdrawn_reason FROM jd_bulletin_case WHERE case_number = ?",
                "JD-2020-00066");
        assertThat(entry.get("WITHDRAWN_AT")).isNotNull();
        assertThat(entry).containsEntry("WITHDRAWN_BY", "leader1").containsEntry("WITHDRAWN_REASON", "问责决定经申诉复查被撤销");
        String page = mvc.perform(get("/notices/bulletins/{id}", id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("JD-2020-00066").contains("JD-2020-00067", "现将有关情况通报如下");
        assertThat(page.split("负有直接责任", -1)).as("one case's paragraph left").hasSize(2);
        mvc.perform(get("/api/notices")).andExpect(jsonPath("$.content[0].cases.length()").value(1))
                .andExpect(jsonPath("$.content[0].body").value(not(containsString("JD-2020-00066"))));
        assertThat(feed().getEntries().get(0).getContents().get(0).getValue()).doesNotContain("JD-2020-00066");
        assertThat(caseNotices.withdraw("JD-2020-00066", "leader1", "再次撤回")).as("withdrawn already").isFalse();

        // A text that does not name the case by its number cannot be cut: it is left out, the cases stay listed.
        assertThat(BulletinText.shown("近日对某街道问题进行了问责。", List.of("JD-2020-00066"))).isEmpty();

        // With no case left to name, the bulletin is gone from the public.
        caseNotices.withdraw("JD-2020-00067", "leader1", "问责决定经申诉复查被撤销");
        mvc.perform(get("/notices/bulletins/{id}", id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/notices")).andExpect(jsonPath("$.totalElements").value(0));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** A published bulletin naming the cases, each a typical case whose decision was served on two persons. */
    private long bulletin(int day, String... caseNumbers) {
        OffsetDateTime at = OffsetDateTime.of(2020, 3, day, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        StringBuilder body = new StringBuilder("近期查处了典型问题。现将有关情况通报如下：");
        for (String number : caseNumbers) {
            jdbc.update("DELETE FROM jd_case_person WHERE case_number = ?", number);
            jdbc.update("DELETE FROM jd_case WHERE case_number = ?", number);
            jdbc.update("""
                    INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, stage, outcome,
                        problem_type, typical_case, reported_at, updated_at)
                    VALUES (?, '卡口无人值守', '夜间无人值守', 'HOTLINE', '幸福社区', FALSE, 'CLOSED', 'ACCOUNTABILITY',
                        'FORMALISM_BUREAUCRATISM', TRUE, ?, ?)""", number, at, at);
            persons.replace(number, List.of(
                    Person.entered(1, "张三", "幸福社区", "网格员", CadreLevel.SECTION_OR_BELOW, true, false,
                            Responsibility.DIRECT, false),
                    Person.entered(2, "李四", "幸福社区", "社区党委书记", CadreLevel.SECTION_OR_BELOW, true, true,
                            Responsibility.PRINCIPAL_LEADERSHIP, false),
                    Person.entered(3, "王五", "幸福社区", "副书记", CadreLevel.SECTION_OR_BELOW, true, true,
                            Responsibility.IMPORTANT_LEADERSHIP, false)));
            persons.recordMeasure(number, 1, Measure.CIRCULATED_CRITICISM);
            persons.recordMeasure(number, 2, Measure.ADMONISHMENT);
            persons.recordMeasure(number, 3, Measure.NONE);
            body.append("\n\n幸福社区卡口无人值守问题（").append(number).append("）。张三（幸福社区网格员）负有直接责任，受到通报批评处理。");
        }
        jdbc.update("""
                INSERT INTO jd_bulletin (process_instance_id, status, title, body, approved_by, registered_at, published_at)
                VALUES (?, 'PUBLISHED', '关于2起典型问题的通报', ?, 'leader1', ?, ?)""",
                "pi-" + caseNumbers[0], body.toString(), at, at);
        long id = jdbc.queryForObject("SELECT id FROM jd_bulletin WHERE process_instance_id = ?", Long.class,
                "pi-" + caseNumbers[0]);
        for (int i = 0; i < caseNumbers.length; i++) {
            jdbc.update("INSERT INTO jd_bulletin_case (bulletin_id, position, case_number) VALUES (?, ?, ?)",
                    id, i + 1, caseNumbers[i]);
        }
        return id;
    }

    private long publish(String caseNumber, String title, int day) {
        return publish(caseNumber, title, "问题正文", day);
    }

    @Test
    void theFeedLinksToTheHostItWasAskedOnAndIgnoresForwardedHeadersNobodyConfigured() throws Exception {
        long id = publish("JD-2020-00046", "关于某社区卡口形同虚设问题的通报", 7);

        String xml = mvc.perform(get("/notices/feed.atom").header(HttpHeaders.HOST, "10.0.0.5:18080")
                        .header("X-Forwarded-Host", "evil.example.com").header("X-Forwarded-Proto", "https"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getAlternateLinks().get(0).getHref()).isEqualTo("http://10.0.0.5:18080/notices");
        assertThat(feed.getOtherLinks().get(0).getHref()).isEqualTo("http://10.0.0.5:18080/notices/feed.atom");
        assertThat(feed.getEntries().get(0).getAlternateLinks().get(0).getHref())
                .isEqualTo("http://10.0.0.5:18080/notices/" + id);
        assertThat(xml).doesNotContain("evil.example.com", "localhost");
    }

    @Test
    void theFeedWithoutItsExtensionRedirectsToIt() throws Exception {
        mvc.perform(get("/notices/feed"))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string(HttpHeaders.LOCATION, "feed.atom"));
    }

    private long publish(String caseNumber, String title, String body, int day) {
        notices.insert(new Notice(null, caseNumber, title, body, "北湖街道", "MISUSE_OF_FUNDS", "CASE_FILING",
                "leader1", OffsetDateTime.of(2020, 3, day, 9, 30, 0, 0, ZoneOffset.ofHours(8))));
        return jdbc.queryForObject("SELECT id FROM jd_notice WHERE case_number = ?", Long.class, caseNumber);
    }

    private String atom() throws Exception {
        return mvc.perform(get("https://jiwei.example.cn:8443/notices/feed.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Feed feed() throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(atom()));
    }

    private static MockHttpServletRequestBuilder withdraw(long id, String json) {
        return post("/api/notices/{id}/withdraw", id).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
