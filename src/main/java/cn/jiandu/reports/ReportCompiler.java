package cn.jiandu.reports;

import cn.jiandu.accountability.FourForms;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.UnitMeasure;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Source;
import cn.jiandu.cases.CaseEnums.Zone;
import cn.jiandu.cases.CaseOutcome;
import cn.jiandu.cases.CaseStage;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Mode;
import cn.jiandu.inspections.InspectionEnums.Scope;
import cn.jiandu.common.UnitKind;
import cn.jiandu.reports.ReportFigures.Persons;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compiles a report's figures in one aggregate query: each of jd_case, jd_inspection and jd_notice
 * is read once, every figure a filtered count, so the cost grows with the table and not with the
 * number of figures or process instances (no process variables are read). The persons held
 * accountable are one more sub-select: jd_case_person joined to the cases closed in the period with
 * accountability or handed over for investigation, found through ix_case_closed_at and their persons
 * through the case number, so that part costs the period's persons and not another pass over every case.
 */
@Component
class ReportCompiler {

    static final int CLOSED_CASE_LINES = 200;

    private static final String NEW = "reported_at >= :from AND reported_at < :to";
    private static final String CLOSED = closed("");
    private static final String ACCOUNTABLE = accountable("");

    private final Breakdown newByType = new Breakdown("new_type", "problem_type", codes(ProblemType.class), "UNCLASSIFIED");
    private final Breakdown newByZone = new Breakdown("new_zone", "zone", codes(Zone.class), "UNASSIGNED");
    private final Breakdown newBySource = new Breakdown("new_source", "source", codes(Source.class), null);
    private final Breakdown byStage = new Breakdown("stage", "stage", codes(CaseStage.class), null);
    private final Breakdown overdueByZone = new Breakdown("overdue_zone", "zone", codes(Zone.class), "UNASSIGNED");
    private final Breakdown closedByOutcome = new Breakdown("closed_outcome", "outcome", codes(CaseOutcome.class), null);
    private final Breakdown measures = new Breakdown("measure", "measure", codes(Measure.class), null);
    private final Breakdown leaderMeasures = new Breakdown("leader_measure", "leader_measure", codes(Measure.class), null);
    private final Breakdown byMode = new Breakdown("insp_mode", "mode", codes(Mode.class), null);
    private final Breakdown byScope = new Breakdown("insp_scope", "scope", codes(Scope.class), null);
    private final Breakdown byChannel = new Breakdown("insp_channel", "channel", codes(Channel.class), null);
    private final Breakdown byUnitKind = new Breakdown("insp_kind", "unit_kind", codes(UnitKind.class), null);
    private final Breakdown inspectedByZone = new Breakdown("insp_zone", "zone", codes(Zone.class), null);
    private final Breakdown personsByMeasure = new Breakdown("person_measure", "person.measure", Persons.MEASURES, null);
    private final Breakdown personsByForm = new Breakdown("person_form", formsOf("person.measure"));
    private final Breakdown organisations = new Breakdown("org_measure", "unit_measure", codes(UnitMeasure.class), null);
    private final Breakdown personsByResponsibility = new Breakdown("person_resp", "person.responsibility",
            Persons.RESPONSIBILITIES, null);

    /**
     * The rectification figures and what each counts (ReportFigures.Rectifications). A period's report shows the
     * rectifications as they stand when it is compiled: open ones started before the period ended.
     */
    private static final Map<String, String> RECTIFICATION_FIGURES = new LinkedHashMap<>();

    static {
        RECTIFICATION_FIGURES.put("open", "state NOT IN ('COMPLETED', 'ESCALATED')");
        // A deadline is the last day the unit has: overdue from the next day on, as of the period's cut-off.
        RECTIFICATION_FIGURES.put("overdue", "state = 'RECTIFYING' AND deadline < :toDay");
        RECTIFICATION_FIGURES.put("completed", "state = 'COMPLETED' AND completed_at >= :from AND completed_at < :to");
        // An escalation ends the rectification: completed_at is when it was escalated.
        RECTIFICATION_FIGURES.put("escalated", "state = 'ESCALATED' AND completed_at >= :from AND completed_at < :to");
    }

    private final Map<String, Breakdown> rectificationsByZone = new LinkedHashMap<>();
    private final Map<String, Breakdown> rectificationsByKind = new LinkedHashMap<>();

    private final NamedParameterJdbcTemplate jdbc;
    private final String sql;

    ReportCompiler(NamedParameterJdbcTemplate jdbc) {
        for (String figure : RECTIFICATION_FIGURES.keySet()) {
            rectificationsByZone.put(figure, new Breakdown("zg_" + figure + "_zone", "zone",
                    ReportFigures.Rectifications.ZONES, null));
            rectificationsByKind.put(figure, new Breakdown("zg_" + figure + "_kind", "unit_kind",
                    codes(UnitKind.class), "UNKNOWN"));
        }
        this.jdbc = jdbc;
        this.sql = buildSql();
    }

    ReportFigures compile(ReportPeriod period, OffsetDateTime asOf) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", period.from())
                .addValue("to", period.to())
                .addValue("asOf", asOf)
                .addValue("toDay", period.to().atZoneSameInstant(period.from().getOffset()).toLocalDate());
        ReportFigures figures = jdbc.queryForObject(sql, parameters, (rs, row) -> read(rs, asOf));
        if (period.kind() == ReportKind.WEEKLY) {
            return withClosedCases(figures, parameters);
        }
        return figures;
    }

    private String buildSql() {
        List<String> cases = new ArrayList<>();
        cases.add(count("new_total", NEW));
        newByType.addTo(cases, NEW);
        newByZone.addTo(cases, NEW);
        newBySource.addTo(cases, NEW);
        byStage.addTo(cases, "1 = 1");
        cases.add(count("open_total", "stage <> 'CLOSED'"));
        String overdue = "stage = 'VERIFICATION' AND verify_due_at < :asOf";
        cases.add(count("overdue_total", overdue));
        overdueByZone.addTo(cases, overdue);
        cases.add(count("closed_total", CLOSED));
        closedByOutcome.addTo(cases, CLOSED);
        measures.addTo(cases, ACCOUNTABLE);
        leaderMeasures.addTo(cases, ACCOUNTABLE);
        organisations.addTo(cases, ACCOUNTABLE);
        cases.add(count("ft_exempted", CLOSED + " AND outcome = 'EXEMPTED'"));
        cases.add(count("ft_mitigate", CLOSED + " AND fault_tolerance_outcome = 'MITIGATE'"));
        cases.add(count("ft_not_applicable", CLOSED + " AND fault_tolerance_outcome = 'NOT_APPLICABLE'"));

        List<String> inspections = new ArrayList<>();
        inspections.add("COUNT(*) AS insp_total");
        inspections.add("COUNT(DISTINCT LOWER(unit)) AS insp_units");
        inspections.add(count("insp_with_problems", "problem_count > 0"));
        inspections.add("COALESCE(SUM(problem_count), 0) AS insp_problems");
        byMode.addTo(inspections, "1 = 1");
        byScope.addTo(inspections, "1 = 1");
        byChannel.addTo(inspections, "1 = 1");
        byUnitKind.addTo(inspections, "1 = 1");
        inspectedByZone.addTo(inspections, "1 = 1");

        // A person counts when their case closed in the period: held accountable (outcome ACCOUNTABILITY)
        // with a measure, NONE or none recorded yet being no accountability; or proposed for filing in a
        // case handed over for investigation, where a person without a measure was proposed with the
        // case at verification. A lighter measure in a handed-over case was never served: not counted.
        List<String> persons = new ArrayList<>();
        persons.add("COUNT(*) AS persons_total");
        personsByMeasure.addTo(persons, "1 = 1");
        personsByForm.addTo(persons, "1 = 1");
        personsByResponsibility.addTo(persons, "1 = 1");

        List<String> rectifications = new ArrayList<>();
        RECTIFICATION_FIGURES.forEach((figure, condition) -> {
            rectifications.add(count("zg_" + figure, condition));
            rectificationsByZone.get(figure).addTo(rectifications, condition);
            rectificationsByKind.get(figure).addTo(rectifications, condition);
        });

        return "SELECT * FROM (SELECT " + String.join(",\n  ", cases) + "\nFROM jd_case) c"
                + "\nCROSS JOIN (SELECT " + String.join(",\n  ", inspections)
                + "\nFROM jd_inspection WHERE status = 'CARRIED_OUT' AND recorded_at >= :from AND recorded_at < :to) i"
                + "\nCROSS JOIN (SELECT COUNT(*) AS notices_published FROM jd_notice"
                + " WHERE published_at >= :from AND published_at < :to) n"
                + "\nCROSS JOIN (SELECT " + String.join(",\n  ", persons)
                + "\nFROM (SELECT person.responsibility, CASE WHEN kase.outcome = 'ACCOUNTABILITY' THEN person.measure"
                + " WHEN COALESCE(person.measure, 'PROPOSE_FILING') = 'PROPOSE_FILING' THEN 'PROPOSE_FILING' END AS measure"
                + "\n  FROM jd_case_person person JOIN jd_case kase ON kase.case_number = person.case_number"
                + "\n  WHERE " + closed("kase.") + " AND kase.outcome IN ('ACCOUNTABILITY', 'REFERRED_FOR_INVESTIGATION')"
                + ") person WHERE person.measure <> 'NONE') p"
                + "\nCROSS JOIN (SELECT " + String.join(",\n  ", rectifications)
                + "\nFROM jd_rectification WHERE created_at < :to) r";
    }

    private ReportFigures read(ResultSet rs, OffsetDateTime asOf) throws SQLException {
        ReportFigures.Inspections inspections = new ReportFigures.Inspections(rs.getLong("insp_total"),
                rs.getLong("insp_units"), rs.getLong("insp_with_problems"), rs.getLong("insp_problems"),
                byMode.read(rs), byScope.read(rs), byChannel.read(rs), byUnitKind.read(rs), inspectedByZone.read(rs));
        ReportFigures.NewProblems newProblems = new ReportFigures.NewProblems(rs.getLong("new_total"),
                newByType.read(rs), newByZone.read(rs), newBySource.read(rs));
        Map<String, Long> faultTolerance = new LinkedHashMap<>();
        faultTolerance.put("EXEMPTED", rs.getLong("ft_exempted"));
        faultTolerance.put("MITIGATE", rs.getLong("ft_mitigate"));
        faultTolerance.put("NOT_APPLICABLE", rs.getLong("ft_not_applicable"));
        return new ReportFigures(asOf, inspections, newProblems, byStage.read(rs), rs.getLong("open_total"),
                new ReportFigures.Overdue(rs.getLong("overdue_total"), overdueByZone.read(rs)),
                new ReportFigures.Closed(rs.getLong("closed_total"), closedByOutcome.read(rs)),
                measures.read(rs), leaderMeasures.read(rs),
                new Persons(rs.getLong("persons_total"), personsByMeasure.read(rs), personsByForm.read(rs),
                        personsByResponsibility.read(rs)),
                ReportFigures.Organisations.of(organisations.read(rs)),
                faultTolerance, rs.getLong("notices_published"), null, rectifications(rs));
    }

    private ReportFigures.Rectifications rectifications(ResultSet rs) throws SQLException {
        Map<String, Map<String, Long>> byZone = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();
        for (String figure : RECTIFICATION_FIGURES.keySet()) {
            byZone.put(figure, rectificationsByZone.get(figure).read(rs));
            byKind.put(figure, rectificationsByKind.get(figure).read(rs));
        }
        return new ReportFigures.Rectifications(new ReportFigures.Counts(rs.getLong("zg_open"),
                rs.getLong("zg_overdue"), rs.getLong("zg_completed"), rs.getLong("zg_escalated")),
                lines(byZone), lines(byKind));
    }

    /** From one count per figure and code to one line of counts per code. */
    private static Map<String, ReportFigures.Counts> lines(Map<String, Map<String, Long>> byFigure) {
        Map<String, ReportFigures.Counts> lines = new LinkedHashMap<>();
        for (String code : byFigure.get("open").keySet()) {
            lines.put(code, new ReportFigures.Counts(byFigure.get("open").get(code), byFigure.get("overdue").get(code),
                    byFigure.get("completed").get(code), byFigure.get("escalated").get(code)));
        }
        return lines;
    }

    private ReportFigures withClosedCases(ReportFigures f, MapSqlParameterSource parameters) {
        List<ReportFigures.ClosedCase> lines = jdbc.query("""
                SELECT case_number, title, unit, zone, problem_type, measure, leader_measure, outcome, closed_at,
                    unit_measure
                FROM jd_case WHERE closed_at >= :from AND closed_at < :to
                    AND outcome IN ('ACCOUNTABILITY', 'REFERRED_FOR_INVESTIGATION', 'EXEMPTED')
                ORDER BY closed_at, case_number LIMIT :limit""",
                new MapSqlParameterSource(parameters.getValues()).addValue("limit", CLOSED_CASE_LINES),
                (rs, row) -> new ReportFigures.ClosedCase(rs.getString("case_number"), rs.getString("title"),
                        rs.getString("unit"), rs.getString("zone"), rs.getString("problem_type"),
                        rs.getString("measure"), rs.getString("leader_measure"), rs.getString("outcome"),
                        rs.getObject("closed_at", OffsetDateTime.class), rs.getString("unit_measure"), null));
        return new ReportFigures(f.asOf(), f.inspections(), f.newProblems(), f.casesByStage(), f.openCases(),
                f.overdue(), f.closed(), f.measures(), f.leaderMeasures(), f.persons(), f.organisations(),
                f.faultTolerance(), f.noticesPublished(), withPersons(lines), f.rectifications());
    }

    /** Each line with its persons' responsibility and measure (a handed-over case's unmeasured persons: filing). */
    private List<ReportFigures.ClosedCase> withPersons(List<ReportFigures.ClosedCase> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        Map<String, List<ReportFigures.PersonMeasure>> persons = new LinkedHashMap<>();
        jdbc.query("""
                SELECT person.case_number, person.responsibility,
                    COALESCE(person.measure, CASE WHEN kase.outcome = 'REFERRED_FOR_INVESTIGATION' THEN 'PROPOSE_FILING' END)
                        AS measure
                FROM jd_case_person person JOIN jd_case kase ON kase.case_number = person.case_number
                WHERE person.case_number IN (:numbers) ORDER BY person.case_number, person.position""",
                new MapSqlParameterSource("numbers", lines.stream().map(ReportFigures.ClosedCase::caseNumber).toList()),
                rs -> {
                    persons.computeIfAbsent(rs.getString("case_number"), number -> new ArrayList<>())
                            .add(new ReportFigures.PersonMeasure(rs.getString("responsibility"), rs.getString("measure")));
                });
        return lines.stream().map(c -> new ReportFigures.ClosedCase(c.caseNumber(), c.title(), c.unit(), c.zone(),
                c.problemType(), c.measure(), c.leaderMeasure(), c.outcome(), c.closedAt(), c.unitMeasure(),
                persons.get(c.caseNumber()))).toList();
    }

    /** Closed in the period; {@code of} is the table's alias with its dot, or empty. */
    private static String closed(String of) {
        return of + "closed_at >= :from AND " + of + "closed_at < :to";
    }

    /** Closed in the period with accountability: what the measures of a report count by case, and the organisations. */
    private static String accountable(String of) {
        return closed(of) + " AND " + of + "outcome = 'ACCOUNTABILITY'";
    }

    /**
     * For each of the four forms, the measures in it (Measure.form() is the one place that knows); a
     * form no measure leads to yet (the third and fourth follow the sanction of a filed case) counts 0.
     * Then a line of its own for a filing (拟立案审查调查), which counts in no form until its sanction
     * is imposed.
     */
    private static Map<String, String> formsOf(String column) {
        Map<String, String> matches = new LinkedHashMap<>();
        for (FourForms.Form form : FourForms.Form.values()) {
            matches.put(form.name(), in(column, Arrays.stream(Measure.values())
                    .filter(m -> FourForms.of(m).filter(form::equals).isPresent()).toList()));
        }
        matches.put(Persons.FILING, in(column, Arrays.stream(Measure.values())
                .filter(m -> m != Measure.NONE && FourForms.of(m).isEmpty()).toList()));
        return matches;
    }

    private static String in(String column, List<Measure> measures) {
        return measures.isEmpty() ? "1 = 0"
                : column + " IN (" + String.join(", ", measures.stream().map(m -> "'" + m.name() + "'").toList()) + ")";
    }

    private static String count(String alias, String condition) {
        return "COUNT(*) FILTER (WHERE " + condition + ") AS " + alias;
    }

    private static <E extends Enum<E>> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    /** Counts by code: a filtered count per code, each code with the condition that matches it, in order. */
    private record Breakdown(String prefix, Map<String, String> matches) {

        /** By the values of one column: a count per code, and one for NULL if nullCode is named. */
        Breakdown(String prefix, String column, List<String> codes, String nullCode) {
            this(prefix, valuesOf(column, codes, nullCode));
        }

        void addTo(List<String> columns, String condition) {
            matches.forEach((code, match) -> columns.add(count(alias(code), condition + " AND " + match)));
        }

        Map<String, Long> read(ResultSet rs) throws SQLException {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String code : matches.keySet()) {
                counts.put(code, rs.getLong(alias(code)));
            }
            return counts;
        }

        private static Map<String, String> valuesOf(String column, List<String> codes, String nullCode) {
            Map<String, String> matches = new LinkedHashMap<>();
            codes.forEach(code -> matches.put(code, column + " = '" + code + "'"));
            if (nullCode != null) {
                matches.put(nullCode, column + " IS NULL");
            }
            return matches;
        }

        private String alias(String code) {
            return prefix + "_" + code.toLowerCase(Locale.ROOT);
        }
    }
}
