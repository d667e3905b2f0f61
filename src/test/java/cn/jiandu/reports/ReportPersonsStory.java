package cn.jiandu.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Persons held accountable (人次) in the daily report, told on each database Jiandu runs on (the
 * subclasses): a person counts when their case closed in the period with accountability and their
 * measure is not NONE; the figures reach the API and the page; a report stored before persons were
 * counted still reads, with zeros.
 */
abstract class ReportPersonsStory {

    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonRepository persons;
    @Autowired
    ReportCompiler compiler;
    @Autowired
    ReportSchedule schedule;
    @Autowired
    ReportRepository reports;

    private ReportPeriod day;
    private OffsetDateTime mid;

    @BeforeEach
    void emptyTables() {
        jdbc.update("DELETE FROM jd_case_person");
        jdbc.update("DELETE FROM jd_report");
        jdbc.update("DELETE FROM jd_case");
        day = schedule.day(DAY);
        mid = day.from().plusHours(9);
    }

    @Test
    void threePersonsOfOneCaseCountThreeTimesByMeasureFormAndResponsibility() {
        personsMix();

        ReportFigures.Persons p = compiler.compile(day, day.to()).persons();

        assertThat(p.total()).isEqualTo(3);
        assertThat(p.byMeasure()).isEqualTo(counts(ReportFigures.Persons.MEASURES,
                "CIRCULATED_CRITICISM", 1, "ORGANIZATIONAL_ADJUSTMENT", 1, "TALK_REMINDER", 1));
        assertThat(p.byMeasure().keySet()).as("every measure but NONE, in the order of the list")
                .containsExactlyElementsOf(ReportFigures.Persons.MEASURES).doesNotContain("NONE");
        assertThat(p.byForm()).isEqualTo(counts(ReportFigures.Persons.FORMS, "FIRST", 2, "SECOND", 1));
        assertThat(p.byForm().keySet()).containsExactly("FIRST", "SECOND", "THIRD", "FOURTH", "PROPOSE_FILING");
        assertThat(p.byResponsibility()).isEqualTo(counts(ReportFigures.Persons.RESPONSIBILITIES,
                "DIRECT", 1, "PRINCIPAL_LEADERSHIP", 1, "IMPORTANT_LEADERSHIP", 1));
    }

    @Test
    void versionOneCasesStayCaseCountsAndCountNoPersons() {
        personsMix();

        ReportFigures f = compiler.compile(day, day.to());

        assertThat(f.closed().byOutcome().get("ACCOUNTABILITY")).as("JD-2025-00001 and the version-1 case")
                .isEqualTo(2);
        assertThat(f.measures().get("ADMONISHMENT")).as("the version-1 case, by case").isEqualTo(1);
        assertThat(f.leaderMeasures().get("CRITICISM_EDUCATION")).isEqualTo(1);
        assertThat(f.persons().byMeasure().get("ADMONISHMENT")).as("it has no persons").isZero();
    }

    @Test
    void aProposedFilingCountsAsAPersonOnALineOfItsOwnInNoFormUntilTheSanctionIsImposed() {
        kase("JD-2025-00010", "CLOSED", "ACCOUNTABILITY", mid);
        person("JD-2025-00010", 1, "孙强", Responsibility.DIRECT, Measure.PROPOSE_FILING);

        ReportFigures.Persons p = compiler.compile(day, day.to()).persons();

        assertThat(p.total()).isEqualTo(1);
        assertThat(p.byMeasure().get("PROPOSE_FILING")).isEqualTo(1);
        assertThat(p.byForm()).isEqualTo(counts(ReportFigures.Persons.FORMS, "PROPOSE_FILING", 1));
    }

    @Test
    void theApiAndThePageShowThePersons() {
        personsMix();
        Http http = new Http(port);

        JsonNode report = http.get("office1", "/api/reports/daily?date=2025-03-03").json();
        assertThat(report.at("/figures/persons/total").asInt()).isEqualTo(3);
        assertThat(report.at("/figures/persons/byMeasure/CIRCULATED_CRITICISM").asInt()).isEqualTo(1);
        assertThat(report.at("/figures/persons/byMeasure/ADMONISHMENT").isInt()).as("zero included").isTrue();
        assertThat(report.at("/figures/persons/byForm/FIRST").asInt()).isEqualTo(2);
        assertThat(report.at("/figures/persons/byForm/THIRD").asInt()).isZero();
        assertThat(report.at("/figures/persons/byResponsibility/IMPORTANT_LEADERSHIP").asInt()).isEqualTo(1);
        assertThat(report.at("/figures/measures/ADMONISHMENT").asInt()).as("the case counts stay").isEqualTo(1);
        assertThat(http.get("office1", "/api/reports/weekly?week=2025-W10").json().at("/figures/persons/total")
                .asInt()).isEqualTo(3);

        String page = http.get("review1", "/reports/daily?date=2025-03-03").body();
        assertThat(page).contains("问责人员", "人次", "问责人次（按问责方式）", "问责人次（按四种形态）", "问责人次（按责任类型）",
                "第一种形态", "第二种形态", "直接责任", "主要领导责任", "重要领导责任", "组织调整建议",
                "问责方式（按件计，直接责任人）", ReportView.PersonCounts.NOTE,
                "id=\"chart-personsByMeasure\"", "\"id\":\"personsByForm\"");
    }

    /** The stored figures were written by ReportCompiler as of commit 6e47996, before persons were counted. */
    @Test
    void aReportStoredBeforePersonsWereCountedStillReadsWithZeros() throws IOException {
        String stored = new ClassPathResource("reports/daily-figures-before-persons.json")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("persons");
        jdbc.update("""
                INSERT INTO jd_report (kind, period_key, period_start, period_end, compiled_at, figures, status,
                    signed_by, signed_at, sign_off_comment)
                VALUES ('DAILY', '2025-03-03', ?, ?, ?, ?, 'SIGNED', 'leader1', ?, '同意报送')""",
                day.from(), day.to(), day.to(), stored, day.to());
        personsMix();

        ReportFigures f = reports.find(ReportKind.DAILY, "2025-03-03").orElseThrow().figures();
        assertThat(f.persons().total()).isZero();
        assertThat(f.persons().byMeasure()).isEqualTo(counts(ReportFigures.Persons.MEASURES));
        assertThat(f.persons().byForm()).isEqualTo(counts(ReportFigures.Persons.FORMS));
        assertThat(f.persons().byResponsibility()).isEqualTo(counts(ReportFigures.Persons.RESPONSIBILITIES));
        assertThat(f.measures().get("ADMONISHMENT")).as("what was signed stays").isEqualTo(1);

        Http http = new Http(port);
        JsonNode report = http.get("office1", "/api/reports/daily?date=2025-03-03").json();
        assertThat(report.get("stored").asBoolean()).isTrue();
        assertThat(report.at("/figures/persons/total").asInt()).as("as signed, not as the persons stand now")
                .isZero();
        assertThat(report.at("/figures/persons/byForm/FIRST").isInt()).isTrue();
        assertThat(http.get("office1", "/reports/daily?date=2025-03-03").body())
                .contains("已签发", "问责人员", "人次", "第一种形态");
    }

    /**
     * Around the day 2025-03-03: one case of version 2 closed with accountability in the period, its
     * three leaders and officers held accountable and two more not; a case closed the minute before
     * the period and one still awaiting its notice, whose persons do not count; a version-1 case
     * closed in the period, with measures by case and no persons.
     */
    private void personsMix() {
        kase("JD-2025-00001", "CLOSED", "ACCOUNTABILITY", mid);
        person("JD-2025-00001", 1, "李明", Responsibility.DIRECT, Measure.CIRCULATED_CRITICISM);
        person("JD-2025-00001", 2, "王建国", Responsibility.PRINCIPAL_LEADERSHIP, Measure.ORGANIZATIONAL_ADJUSTMENT);
        person("JD-2025-00001", 3, "张华", Responsibility.IMPORTANT_LEADERSHIP, Measure.TALK_REMINDER);
        person("JD-2025-00001", 4, "赵刚", Responsibility.DIRECT, Measure.NONE);
        person("JD-2025-00001", 5, "周平", Responsibility.DIRECT, null);

        kase("JD-2025-00002", "CLOSED", "ACCOUNTABILITY", day.from().minusMinutes(1));
        person("JD-2025-00002", 1, "钱进", Responsibility.DIRECT, Measure.ADMONISHMENT);
        kase("JD-2025-00003", "NOTICE", null, null);
        person("JD-2025-00003", 1, "吴敏", Responsibility.DIRECT, Measure.ADMONISHMENT);

        kase("JD-2024-00099", "CLOSED", "ACCOUNTABILITY", mid.plusHours(1));
        jdbc.update("UPDATE jd_case SET measure = 'ADMONISHMENT', leader_measure = 'CRITICISM_EDUCATION'"
                + " WHERE case_number = 'JD-2024-00099'");
    }

    private void kase(String number, String stage, String outcome, OffsetDateTime closedAt) {
        OffsetDateTime reported = day.from().minusDays(20);
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, problem_type, zone, stage,
                    outcome, reported_at, updated_at, closed_at)
                VALUES (?, ?, '经查属实', 'HOTLINE', '幸福社区居委会', FALSE, 'INEFFECTIVE_PREVENTION', 'NORTH', ?, ?, ?, ?, ?)""",
                number, "卡口无人值守" + number, stage, outcome, reported, reported, closedAt);
    }

    /** Adds a person to the case as the steps do: the list entered, then the measure recorded. */
    private void person(String caseNumber, int position, String name, Responsibility responsibility,
            Measure measure) {
        List<Person> list = new ArrayList<>(persons.list(caseNumber));
        list.add(Person.entered(position, name, "幸福社区居委会", "工作人员", null, true, true, responsibility, false));
        persons.replace(caseNumber, list);
        if (measure != null) {
            persons.recordMeasure(caseNumber, position, measure);
        }
    }

    /** Every code with 0, but those named (code, count, code, count, ...). */
    private static Map<String, Long> counts(List<String> codes, Object... named) {
        Map<String, Long> counts = new LinkedHashMap<>();
        codes.forEach(code -> counts.put(code, 0L));
        for (int k = 0; k < named.length; k += 2) {
            counts.put((String) named[k], ((Integer) named[k + 1]).longValue());
        }
        assertThat(counts.keySet()).containsExactlyElementsOf(codes);
        return counts;
    }
}
