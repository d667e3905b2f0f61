package cn.jiandu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.common.CommissionClock;
import cn.jiandu.support.EmbeddedPostgres;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The register's text search on a real PostgreSQL, migrated by Flyway as at start-up: the character-pair
 * (bigram) indexes of V13 and the single-character (unigram) indexes of V17 find what H2 finds by reading
 * rows — two-character Chinese words, one character, Latin letters in either case, a % that is only text —
 * and the queries really use those indexes; a count stops where it was told to.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({CaseRepository.class, ReporterSeal.class, ReporterKeys.class, CommissionClock.class})
class CaseSearchPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "case_search");
        // CaseRepository seals and opens reporters' identities; these cases have none, any key will do.
        registry.add("jiandu.reporter.key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @Autowired
    CaseRepository cases;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void casesWithChineseUnitsPersonsAndFacts() {
        insert("PG-1", "北湖街道幸福社区", "卡口无人值守", "出入口连续三日无人值守", "经核查，口罩发放不公", "社区书记王某");
        insert("PG-2", "南湖农贸市场", "未查验健康码", "入口未查验健康码，100%未登记", null, "市场负责人赵某");
        insert("PG-3", "ABC物流园", "返乡人员排查不到位", "物流园未排查返乡人员", null, null);
        jdbc.update("""
                INSERT INTO jd_case_person (case_number, position, name, unit, responsibility, created_at, updated_at)
                VALUES ('PG-1', 1, '李明', '北湖街道幸福社区', 'DIRECT', now(), now())""");
    }

    @Test
    void chineseWordsOfTwoCharactersOrMoreAreFoundWhereverTheyStand() {
        assertThat(numbers(unit("幸福"))).containsExactly("PG-1");
        assertThat(numbers(unit("湖"))).as("one character").containsExactlyInAnyOrder("PG-1", "PG-2");
        assertThat(numbers(unit("abc"))).as("Latin letters in either case").containsExactly("PG-3");
        assertThat(numbers(person("李明"))).as("a person of the case").containsExactly("PG-1");
        assertThat(numbers(person("赵某"))).as("the persons named at the report").containsExactly("PG-2");
        assertThat(numbers(keyword("口罩"))).as("in the findings").containsExactly("PG-1");
        assertThat(numbers(keyword("健康码"))).as("in the title").containsExactly("PG-2");
        assertThat(numbers(keyword("100%"))).containsExactly("PG-2");
        assertThat(numbers(keyword("0%未"))).containsExactly("PG-2");
        assertThat(numbers(keyword("00%"))).containsExactly("PG-2");
        assertThat(numbers(keyword("1%0"))).as("% is text, not a wildcard").isEmpty();
        assertThat(numbers(keyword("无人 值守"))).isEmpty();
        assertThat(cases.count(unit("湖"), null, List.of())).isEqualTo(2);
    }

    @Test
    void oneCharacterIsFoundWhereverItStandsLikeLongerText() {
        assertThat(numbers(person("李"))).as("a surname of a person of the case").containsExactly("PG-1");
        assertThat(numbers(person("赵"))).as("in the persons named at the report").containsExactly("PG-2");
        assertThat(numbers(keyword("罩"))).as("in the findings").containsExactly("PG-1");
        assertThat(numbers(keyword("%"))).as("% is text").containsExactly("PG-2");
        assertThat(numbers(unit("a"))).as("a Latin letter in either case").containsExactly("PG-3");
        assertThat(numbers(unit("鑫"))).isEmpty();
    }

    @Test
    void aBroadPersonSearchLooksCaseByCaseAndFindsTheSameCases() {
        assertThat(numbers(person("某"))).containsExactlyInAnyOrder("PG-1", "PG-2");
        for (String text : List.of("李", "李明", "赵某", "某", "鑫", "%")) {
            assertThat(cases.list(person(text), null, List.of(), 0, 50, true).stream().map(CaseRecord::caseNumber)
                    .filter(n -> n.startsWith("PG-")).toList()).as(text)
                    .containsExactlyInAnyOrderElementsOf(numbers(person(text)));
        }
    }

    @Test
    void aCountStopsOneCaseAfterWhereItWasToldToStop() {
        assertThat(cases.countUpTo(unit("湖"), null, List.of(), 5)).as("fewer than the limit: exact").isEqualTo(2);
        assertThat(cases.countUpTo(unit("湖"), null, List.of(), 2)).isEqualTo(2);
        assertThat(cases.countUpTo(unit("湖"), null, List.of(), 1)).as("more than 1").isEqualTo(2);
        assertThat(cases.countUpTo(CaseFilter.ANY, "(zone = ?)", List.of("WEST"), 1)).as("visibility applies").isZero();
    }

    @Test
    void theSearchesUseTheBigramIndexes() {
        jdbc.execute("SET enable_seqscan = off");
        assertThat(plan("jd_bigrams(unit) @> jd_bigrams('幸福')")).contains("jd_ix_case_unit_bigrams");
        assertThat(plan("jd_bigrams(" + CaseRepository.FACTS + ") @> jd_bigrams('口罩')"))
                .contains("jd_ix_case_facts_bigrams");
        assertThat(plan("jd_bigrams(persons_involved) @> jd_bigrams('赵某')")).contains("jd_ix_case_persons_involved_bigrams");
        assertThat(plan("case_number ILIKE '%PG-%'")).contains("jd_ix_case_number_trgm");
        assertThat(plan("jd_unigrams(unit) @> jd_unigrams('湖')")).contains("jd_ix_case_unit_unigrams");
        assertThat(plan("jd_unigrams(" + CaseRepository.FACTS + ") @> jd_unigrams('罩')"))
                .contains("jd_ix_case_facts_unigrams");
        assertThat(plan("jd_unigrams(persons_involved) @> jd_unigrams('赵')")).contains("jd_ix_case_persons_involved_unigrams");
        assertThat(String.join("\n", jdbc.queryForList(
                "EXPLAIN SELECT * FROM jd_case_person WHERE jd_unigrams(name) @> jd_unigrams('李')", String.class)))
                .contains("jd_ix_case_person_name_unigrams");
    }

    private String plan(String condition) {
        return String.join("\n", jdbc.queryForList("EXPLAIN SELECT * FROM jd_case WHERE " + condition, String.class));
    }

    private List<String> numbers(CaseFilter filter) {
        return cases.list(filter, null, List.of(), 0, 50).stream().map(CaseRecord::caseNumber)
                .filter(n -> n.startsWith("PG-")).toList();
    }

    private static CaseFilter unit(String text) {
        return new CaseFilter(null, null, null, null, null, null, null, null, text, null, null, null, null);
    }

    private static CaseFilter person(String text) {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, text, null, null, null);
    }

    private static CaseFilter keyword(String text) {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, null, text, null, null);
    }

    private void insert(String number, String unit, String title, String description, String findings, String persons) {
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, persons_involved, anonymous, stage,
                    findings, reported_at, updated_at)
                VALUES (?, ?, ?, 'HOTLINE', ?, ?, FALSE, 'TRIAGE', ?, ?, ?)
                ON CONFLICT (case_number) DO NOTHING""",
                number, title, description, unit, persons, findings, OffsetDateTime.now(), OffsetDateTime.now());
    }
}
