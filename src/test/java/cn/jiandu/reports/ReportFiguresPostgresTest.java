package cn.jiandu.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.Measure;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Source;
import cn.jiandu.cases.CaseEnums.Zone;
import cn.jiandu.cases.CaseOutcome;
import cn.jiandu.cases.CaseStage;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Mode;
import cn.jiandu.inspections.InspectionEnums.Scope;
import cn.jiandu.common.UnitKind;
import cn.jiandu.support.EmbeddedPostgres;
import cn.jiandu.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The daily report's figures against a known mix of cases, inspections and notices, on real
 * PostgreSQL: every figure checked, the period's bounds included on the left and excluded on the
 * right, and the compilation timed at 100,000 cases and 120,000 persons. The persons held
 * accountable are told in ReportPersonsStory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
// Closed after the class, while PostgreSQL still runs: left to the JVM's exit, the engine would wait
// 30 s for a connection to the server that the shared EmbeddedPostgres hook has already stopped.
@DirtiesContext
class ReportFiguresPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "report_figures");
    }

    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportCompiler compiler;
    @Autowired
    ReportSchedule schedule;

    private ReportPeriod day;
    private OffsetDateTime from;
    private OffsetDateTime to;
    private OffsetDateTime mid;

    @BeforeEach
    void emptyTables() {
        jdbc.update("DELETE FROM jd_inspection_finding");
        jdbc.update("DELETE FROM jd_inspection");
        jdbc.update("DELETE FROM jd_notice");
        jdbc.update("DELETE FROM jd_report");
        jdbc.update("DELETE FROM jd_case_person");
        jdbc.update("DELETE FROM jd_case");
        day = schedule.day(DAY);
        from = day.from();
        to = day.to();
        mid = from.plusHours(9);
    }

    @Test
    void everyFigureOfTheDailyReportMatchesAKnownMix() {
        knownMix();

        ReportFigures f = compiler.compile(day, to);

        assertThat(f.asOf()).isEqualTo(to);
        ReportFigures.Inspections i = f.inspections();
        assertThat(i.total()).isEqualTo(3);
        assertThat(i.unitsInspected()).isEqualTo(2);
        assertThat(i.withProblems()).isEqualTo(2);
        assertThat(i.problemsFound()).isEqualTo(3);
        assertThat(i.byMode()).isEqualTo(counts(Mode.class, "OPEN", 1, "UNANNOUNCED", 2));
        assertThat(i.byScope()).isEqualTo(counts(Scope.class, "COMPREHENSIVE", 1, "FOCUSED", 2));
        assertThat(i.byChannel()).isEqualTo(counts(Channel.class, "ON_SITE", 2, "REMOTE_VIDEO", 1));
        assertThat(i.byUnitKind()).isEqualTo(counts(UnitKind.class, "COMMUNITY", 1, "MARKET", 2));
        assertThat(i.byZone()).isEqualTo(counts(Zone.class, "NORTH", 1, "SOUTH", 2));

        ReportFigures.NewProblems n = f.newProblems();
        assertThat(n.total()).isEqualTo(4);
        assertThat(n.byType()).isEqualTo(with(counts(ProblemType.class, "INEFFECTIVE_PREVENTION", 2, "BUCK_PASSING", 1),
                "UNCLASSIFIED", 1));
        assertThat(n.byZone()).isEqualTo(with(counts(Zone.class, "NORTH", 2, "SOUTH", 1), "UNASSIGNED", 1));
        assertThat(n.bySource()).isEqualTo(counts(Source.class, "PUBLIC_REPORT", 1, "INSPECTION", 1, "HOTLINE", 1,
                "MEDIA", 1));

        assertThat(f.casesByStage()).isEqualTo(counts(CaseStage.class, "TRIAGE", 3, "VERIFICATION", 4, "DECISION", 1,
                "CLOSED", 6));
        assertThat(f.openCases()).isEqualTo(8);
        assertThat(f.overdue().total()).isEqualTo(2);
        assertThat(f.overdue().byZone()).isEqualTo(with(counts(Zone.class, "NORTH", 1, "SOUTH", 1), "UNASSIGNED", 0));

        assertThat(f.closed().total()).isEqualTo(4);
        assertThat(f.closed().byOutcome()).isEqualTo(counts(CaseOutcome.class, "ACCOUNTABILITY", 2, "EXEMPTED", 1,
                "UNSUBSTANTIATED", 1));
        assertThat(f.measures()).isEqualTo(counts(Measure.class, "ADMONISHMENT", 1, "CRITICISM_EDUCATION", 1));
        assertThat(f.leaderMeasures()).isEqualTo(counts(Measure.class, "CRITICISM_EDUCATION", 1));
        assertThat(f.faultTolerance()).isEqualTo(Map.of("EXEMPTED", 1L, "MITIGATE", 1L, "NOT_APPLICABLE", 1L));
        assertThat(f.noticesPublished()).isEqualTo(2);
        assertThat(f.closedCases()).isNull();
    }

    @Test
    void theWeeklyBulletinListsTheCasesClosedWithAFindingInItsSevenDays() {
        knownMix();

        ReportFigures week = compiler.compile(schedule.week(DAY), schedule.week(DAY).to());

        assertThat(week.closed().total()).isEqualTo(5);
        assertThat(week.closedCases()).extracting(ReportFigures.ClosedCase::caseNumber)
                .containsExactly("C7", "C8", "C9", "C12");
        assertThat(week.closedCases().get(0).leaderMeasure()).isEqualTo("CRITICISM_EDUCATION");
        assertThat(week.measures()).isEqualTo(counts(Measure.class, "ADMONISHMENT", 1, "CRITICISM_EDUCATION", 1,
                "CASE_FILING", 1));
    }

    @Test
    void theApiAnswersWithTheSameFiguresAsJson() {
        knownMix();

        JsonNode report = new Http(port).get("office1", "/api/reports/daily?date=2025-03-03").json();

        assertThat(report.get("period").asText()).isEqualTo("2025-03-03");
        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.get("from").asText()).isEqualTo("2025-03-02T18:00:00+08:00");
        assertThat(report.at("/figures/newProblems/total").asInt()).isEqualTo(4);
        assertThat(report.at("/figures/newProblems/byType/UNCLASSIFIED").asInt()).isEqualTo(1);
        assertThat(report.at("/figures/inspections/byChannel/REMOTE_VIDEO").asInt()).isEqualTo(1);
        assertThat(report.at("/figures/measures/ADMONISHMENT").asInt()).isEqualTo(1);
        assertThat(report.at("/figures/noticesPublished").asInt()).isEqualTo(2);
        assertThat(new Http(port).get("office1", "/api/reports/weekly?week=2025-W10").json()
                .at("/figures/closedCases/3/caseNumber").asText()).isEqualTo("C12");
        assertThat(new Http(port).get("office1", "/api/reports/weekly?week=2025-W99").status()).isEqualTo(400);
        assertThat(new Http(port).get("office1", "/api/reports/daily?date=2099-01-01").status()).isEqualTo(400);
        assertThat(new Http(port).get("office1", "/api/reports/daily?date=yesterday").status()).isEqualTo(400);
        assertThat(new Http(port).get(null, "/api/reports/daily").status()).isEqualTo(401);
    }

    @Test
    void aVersionTwoCaseOfThreePersonsCountsEachByMeasureFormAndResponsibilityAndItsPartyOrganisation() {
        versionTwoMix();

        ReportFigures f = compiler.compile(day, to);

        ReportFigures.Persons p = f.persons();
        assertThat(p.total()).as("the three of JD-2025-00021 and the two proposed for filing").isEqualTo(5);
        assertThat(p.byMeasure()).isEqualTo(codes(ReportFigures.Persons.MEASURES, "ADMONISHMENT", 1,
                "ORGANIZATIONAL_ADJUSTMENT", 1, "TALK_REMINDER", 1, "PROPOSE_FILING", 2));
        assertThat(p.byForm()).as("filing on a line of its own, in no form yet").isEqualTo(
                codes(ReportFigures.Persons.FORMS, "FIRST", 2, "SECOND", 1, "PROPOSE_FILING", 2));
        assertThat(p.byForm().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.total());
        assertThat(p.byResponsibility()).isEqualTo(codes(ReportFigures.Persons.RESPONSIBILITIES,
                "DIRECT", 3, "PRINCIPAL_LEADERSHIP", 1, "IMPORTANT_LEADERSHIP", 1));
        assertThat(f.organisations().byMeasure()).isEqualTo(codes(ReportFigures.Organisations.MEASURES,
                "ORG_INSPECTION", 1));
        assertThat(f.organisations().total()).isEqualTo(1);

        assertThat(f.closed().byOutcome()).isEqualTo(counts(CaseOutcome.class, "ACCOUNTABILITY", 1,
                "REFERRED_FOR_INVESTIGATION", 2, "INQUIRY_ACCEPTED", 1, "REFERRED", 1, "INQUIRY_SATISFACTORY", 1));
        assertThat(f.casesByStage()).isEqualTo(counts(CaseStage.class, "DISPOSAL_APPROVAL", 1, "DEFENCE", 1,
                "SERVICE", 1, "CLOSED", 6));
        assertThat(f.measures().values()).as("version-2 cases keep no measure by case").containsOnly(0L);
    }

    @Test
    void thePageTheApiAndTheWeeklyLinesShowTheThreePersonsWithTheVersionTwoStagesAndOutcomes() {
        versionTwoMix();
        Http http = new Http(port);

        JsonNode report = http.get("office1", "/api/reports/daily?date=2025-03-03").json();
        assertThat(report.at("/figures/persons/byForm/PROPOSE_FILING").asInt()).isEqualTo(2);
        assertThat(report.at("/figures/persons/byResponsibility/PRINCIPAL_LEADERSHIP").asInt()).isEqualTo(1);
        assertThat(report.at("/figures/organisations/byMeasure/ORG_INSPECTION").asInt()).isEqualTo(1);
        assertThat(report.at("/figures/organisations/total").asInt()).isEqualTo(1);
        assertThat(report.at("/figures/closed/byOutcome/INQUIRY_ACCEPTED").asInt()).isEqualTo(1);

        String page = http.get("review1", "/reports/daily?date=2025-03-03").body();
        assertThat(page).contains("问责人次（按四种形态）", "第一种形态 2、第二种形态 1、拟立案审查调查 2",
                "直接责任 3、主要领导责任 1、重要领导责任 1", "诫勉 1、组织调整建议 1", "谈话提醒 1",
                "问责党组织", "问责党组织（按问责方式）", "检查 1", ReportView.PersonCounts.NOTE,
                ReportView.PersonCounts.FORMS_NOTE, ReportView.OrganisationCounts.NOTE,
                "处置意见审批 1", "陈述申辩 1", "送达 1",
                "函询采信了结 1", "函询说明清楚了结（第一版） 1", "移交有关党组织处理 1", "移送立案审查调查 2",
                "id=\"chart-organisationsByMeasure\"");
        assertThat(page).doesNotContain("DISPOSAL_APPROVAL 1", "INQUIRY_ACCEPTED 1", "REFERRED 1");

        JsonNode week = http.get("office1", "/api/reports/weekly?week=2025-W10").json();
        assertThat(week.at("/figures/closedCases/0/caseNumber").asText()).isEqualTo("JD-2025-00021");
        assertThat(week.at("/figures/closedCases/0/persons/1/responsibility").asText()).isEqualTo("PRINCIPAL_LEADERSHIP");
        String weekly = http.get("review1", "/reports/weekly?week=2025-W10").body();
        assertThat(weekly).contains("直接责任 诫勉、主要领导责任 组织调整建议、重要领导责任 谈话提醒",
                "直接责任 拟立案审查调查", "直接责任 拟立案审查调查、重要领导责任 批评教育", "移送立案审查调查")
                .doesNotContain("李明", "王建国");
    }

    @Test
    void compilingStaysFastAt100000CasesAnd120000Persons() {
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, problem_type, zone, stage,
                    outcome, measure, verify_due_at, reported_at, updated_at, closed_at)
                SELECT 'L-' || g, '问题' || g, '描述', (ARRAY['INSPECTION','PUBLIC_REPORT','HOTLINE','MEDIA'])[1 + g % 4],
                    '单位' || (g % 5000), FALSE,
                    (ARRAY['INEFFECTIVE_PREVENTION','BUCK_PASSING','OTHER'])[1 + g % 3],
                    (ARRAY['NORTH','SOUTH'])[1 + g % 2],
                    (ARRAY['TRIAGE','VERIFICATION','DECISION','CLOSED','CLOSED'])[1 + g % 5],
                    CASE WHEN g % 5 >= 3 THEN 'ACCOUNTABILITY' END,
                    CASE WHEN g % 5 >= 3 THEN 'CRITICISM_EDUCATION' END,
                    ? - (g % 30) * INTERVAL '1 day',
                    ? - (g % 90) * INTERVAL '1 day' - (g % 24) * INTERVAL '1 hour',
                    ? - (g % 90) * INTERVAL '1 day',
                    CASE WHEN g % 5 >= 3 THEN ? - (g % 61) * INTERVAL '1 day' - INTERVAL '1 hour' END
                FROM generate_series(1, 100000) AS g""", to, to, to, to);
        // Three persons for every case held accountable, one of them not (NONE).
        jdbc.update("""
                INSERT INTO jd_case_person (case_number, position, name, unit, responsibility, measure, created_at,
                    updated_at)
                SELECT c.case_number, k, '人员' || k, c.unit,
                    (ARRAY['DIRECT','PRINCIPAL_LEADERSHIP','IMPORTANT_LEADERSHIP'])[k],
                    (ARRAY['TALK_REMINDER','ADMONISHMENT','NONE'])[k], c.updated_at, c.updated_at
                FROM jd_case c CROSS JOIN generate_series(1, 3) AS k WHERE c.outcome = 'ACCOUNTABILITY'""");
        jdbc.execute("ANALYZE jd_case");
        jdbc.execute("ANALYZE jd_case_person");
        compiler.compile(day, to);

        long started = System.nanoTime();
        ReportFigures f = compiler.compile(day, to);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.println("Daily report over 100,000 cases and 120,000 persons compiled in " + took.toMillis() + " ms");
        assertThat(f.casesByStage().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100_000);
        assertThat(f.newProblems().total()).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM jd_case WHERE reported_at >= ? AND reported_at < ?", Long.class, from, to));
        assertThat(f.persons().total()).isPositive().isEqualTo(jdbc.queryForObject("""
                SELECT COUNT(*) FROM jd_case_person p JOIN jd_case c ON c.case_number = p.case_number
                WHERE c.closed_at >= ? AND c.closed_at < ? AND c.outcome = 'ACCOUNTABILITY' AND p.measure <> 'NONE'""",
                Long.class, from, to));
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    /**
     * Cases C1–C14, inspections and notices around the day 2025-03-03 (2 March 18:00 to 3 March
     * 18:00, Asia/Shanghai); the comments say how each must be counted.
     */
    private void knownMix() {
        OffsetDateTime longAgo = from.minusDays(40);
        // New in the period: C1 at the very start, C2–C4 inside. Not new: C5 at the end, C6 just before.
        kase("C1", "PUBLIC_REPORT", "INEFFECTIVE_PREVENTION", "NORTH", "TRIAGE", from);
        kase("C2", "INSPECTION", "INEFFECTIVE_PREVENTION", "SOUTH", "VERIFICATION", mid).verifyDue(to.minusHours(1));
        kase("C3", "HOTLINE", null, null, "TRIAGE", mid);
        kase("C4", "MEDIA", "BUCK_PASSING", "NORTH", "VERIFICATION", mid).verifyDue(to.plusDays(1));
        kase("C5", "STATIONED_GROUP", "MISUSE_OF_FUNDS", "SOUTH", "TRIAGE", to);
        kase("C6", "PUBLIC_REPORT", "OTHER", "NORTH", "VERIFICATION", from.minusSeconds(1)).verifyDue(to.minusDays(2));
        // Closed in the period: C7–C10. Closed just before (C11) and at the end (C12) are not.
        kase("C7", "HOTLINE", "RESPONSIBILITY_NOT_IMPLEMENTED", "NORTH", "CLOSED", longAgo)
                .closed(mid, "ACCOUNTABILITY", "ADMONISHMENT", "CRITICISM_EDUCATION", "NOT_APPLICABLE");
        kase("C8", "HOTLINE", "BUCK_PASSING", "SOUTH", "CLOSED", longAgo)
                .closed(mid.plusMinutes(1), "ACCOUNTABILITY", "CRITICISM_EDUCATION", null, "MITIGATE");
        kase("C9", "MEDIA", "INEFFECTIVE_PREVENTION", "SOUTH", "CLOSED", longAgo)
                .closed(mid.plusMinutes(2), "EXEMPTED", "ORDERED_INSPECTION", null, "EXEMPT");
        kase("C10", "MEDIA", "OTHER", "NORTH", "CLOSED", longAgo).closed(mid.plusMinutes(3), "UNSUBSTANTIATED", null, null, null);
        kase("C11", "MEDIA", "OTHER", "NORTH", "CLOSED", longAgo)
                .closed(from.minusMinutes(1), "ACCOUNTABILITY", "DISCIPLINARY_SANCTION", null, null);
        kase("C12", "MEDIA", "OTHER", "NORTH", "CLOSED", longAgo).closed(to, "ACCOUNTABILITY", "CASE_FILING", null, null);
        // Open and not overdue: in decision; in verification without a due date.
        kase("C13", "HOTLINE", "OTHER", "SOUTH", "DECISION", longAgo);
        kase("C14", "HOTLINE", "OTHER", "SOUTH", "VERIFICATION", longAgo);

        // Carried out in the period: I1–I3, two of them at the same market. Not counted: a plan, one
        // recorded before the period, one at its end.
        inspection("幸福社区", "COMMUNITY", "NORTH", "OPEN", "COMPREHENSIVE", "ON_SITE", "CARRIED_OUT", mid, 0);
        inspection("城南农贸市场", "MARKET", "SOUTH", "UNANNOUNCED", "FOCUSED", "REMOTE_VIDEO", "CARRIED_OUT", mid, 2);
        inspection("城南农贸市场", "MARKET", "SOUTH", "UNANNOUNCED", "FOCUSED", "ON_SITE", "CARRIED_OUT", from, 1);
        inspection("城北商超", "MARKET", "NORTH", "UNANNOUNCED", "FOCUSED", "ON_SITE", "PLANNED", null, null);
        inspection("城北商超", "MARKET", "NORTH", "OPEN", "FOCUSED", "ON_SITE", "CARRIED_OUT", from.minusHours(1), 4);
        inspection("城北商超", "MARKET", "NORTH", "OPEN", "FOCUSED", "ON_SITE", "CARRIED_OUT", to, 5);

        // Published in the period: at its start and inside; one the day before is not.
        notice("C7", from);
        notice("C8", mid);
        notice("C11", from.minusDays(1));
    }

    /**
     * Version-2 cases around the day 2025-03-03. JD-2025-00021: closed with accountability, its three
     * persons (direct, principal and important leadership) each with a measure, its party branch
     * inspected (检查). Handed over for investigation: JD-2025-00022, its one person proposed at
     * verification (no measure), and JD-2025-00023, one person proposed for filing and one whose
     * criticism was never served (not counted). Closed otherwise: an inquiry accepted, a referral, a
     * version-1 inquiry. Open at the new stages, one with a person decided but not yet served (not counted).
     */
    private void versionTwoMix() {
        OffsetDateTime longAgo = from.minusDays(40);
        kase("JD-2025-00021", "HOTLINE", "INEFFECTIVE_PREVENTION", "NORTH", "CLOSED", longAgo)
                .closed(mid, "ACCOUNTABILITY", null, null, "NOT_APPLICABLE");
        jdbc.update("UPDATE jd_case SET unit_measure = 'ORG_INSPECTION' WHERE case_number = 'JD-2025-00021'");
        person("JD-2025-00021", 1, "李明", "DIRECT", "ADMONISHMENT");
        person("JD-2025-00021", 2, "王建国", "PRINCIPAL_LEADERSHIP", "ORGANIZATIONAL_ADJUSTMENT");
        person("JD-2025-00021", 3, "张华", "IMPORTANT_LEADERSHIP", "TALK_REMINDER");
        kase("JD-2025-00022", "MEDIA", "MISUSE_OF_FUNDS", "SOUTH", "CLOSED", longAgo)
                .closed(mid.plusHours(1), "REFERRED_FOR_INVESTIGATION", null, null, null);
        person("JD-2025-00022", 1, "孙强", "DIRECT", null);
        kase("JD-2025-00023", "MEDIA", "MISUSE_OF_FUNDS", "SOUTH", "CLOSED", longAgo)
                .closed(mid.plusHours(2), "REFERRED_FOR_INVESTIGATION", null, null, null);
        person("JD-2025-00023", 1, "赵刚", "DIRECT", "PROPOSE_FILING");
        person("JD-2025-00023", 2, "周平", "IMPORTANT_LEADERSHIP", "CRITICISM_EDUCATION");
        kase("JD-2025-00024", "HOTLINE", "OTHER", "NORTH", "CLOSED", longAgo)
                .closed(mid.plusHours(3), "INQUIRY_ACCEPTED", null, null, null);
        kase("JD-2025-00025", "HOTLINE", "OTHER", "NORTH", "CLOSED", longAgo)
                .closed(mid.plusHours(4), "REFERRED", null, null, null);
        kase("JD-2024-00026", "HOTLINE", "OTHER", "NORTH", "CLOSED", longAgo)
                .closed(mid.plusHours(5), "INQUIRY_SATISFACTORY", null, null, null);
        kase("JD-2025-00027", "HOTLINE", "OTHER", "NORTH", "DISPOSAL_APPROVAL", longAgo);
        kase("JD-2025-00028", "HOTLINE", "OTHER", "NORTH", "DEFENCE", longAgo);
        kase("JD-2025-00029", "HOTLINE", "OTHER", "NORTH", "SERVICE", longAgo);
        person("JD-2025-00029", 1, "吴敏", "DIRECT", "ADMONISHMENT");
    }

    private void person(String caseNumber, int position, String name, String responsibility, String measure) {
        jdbc.update("""
                INSERT INTO jd_case_person (case_number, position, name, unit, responsibility, measure, created_at,
                    updated_at)
                VALUES (?, ?, ?, '某单位', ?, ?, ?, ?)""", caseNumber, position, name, responsibility, measure, from, from);
    }

    private final class Kase {
        private final String number;

        Kase(String number) {
            this.number = number;
        }

        Kase verifyDue(OffsetDateTime due) {
            jdbc.update("UPDATE jd_case SET verify_due_at = ? WHERE case_number = ?", due, number);
            return this;
        }

        void closed(OffsetDateTime at, String outcome, String measure, String leaderMeasure, String tolerance) {
            jdbc.update("""
                    UPDATE jd_case SET closed_at = ?, outcome = ?, measure = ?, leader_measure = ?,
                        fault_tolerance_outcome = ? WHERE case_number = ?""",
                    at, outcome, measure, leaderMeasure, tolerance, number);
        }
    }

    private Kase kase(String number, String source, String type, String zone, String stage, OffsetDateTime reported) {
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, problem_type, zone, stage,
                    reported_at, updated_at)
                VALUES (?, ?, '描述', ?, '某单位', FALSE, ?, ?, ?, ?, ?)""",
                number, "问题" + number, source, type, zone, stage, reported, reported);
        return new Kase(number);
    }

    private void inspection(String unit, String kind, String zone, String mode, String scope, String channel,
            String status, OffsetDateTime recorded, Integer problems) {
        jdbc.update("""
                INSERT INTO jd_inspection (unit, unit_kind, zone, mode, scope, channel, planned_date, planned_at, status,
                    problem_count, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                unit, kind, zone, mode, scope, channel, DAY, from.minusDays(3), status, problems, recorded);
    }

    private void notice(String caseNumber, OffsetDateTime published) {
        jdbc.update("""
                INSERT INTO jd_notice (case_number, title, body, unit, published_at)
                VALUES (?, '通报', '正文', '某单位', ?)""", caseNumber, published);
    }

    /** Every code of the list with 0, but those named (code, count, code, count, ...). */
    private static <E extends Enum<E>> Map<String, Long> counts(Class<E> type, Object... named) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(code -> counts.put(code.name(), 0L));
        for (int k = 0; k < named.length; k += 2) {
            counts.put((String) named[k], ((Integer) named[k + 1]).longValue());
        }
        return counts;
    }

    /** Every code of the list with 0, but those named (code, count, code, count, ...). */
    private static Map<String, Long> codes(List<String> codes, Object... named) {
        Map<String, Long> counts = new LinkedHashMap<>();
        codes.forEach(code -> counts.put(code, 0L));
        for (int k = 0; k < named.length; k += 2) {
            counts.put((String) named[k], ((Integer) named[k + 1]).longValue());
        }
        assertThat(counts.keySet()).containsExactlyElementsOf(codes);
        return counts;
    }

    private static Map<String, Long> with(Map<String, Long> counts, String code, long count) {
        counts.put(code, count);
        return counts;
    }
}
