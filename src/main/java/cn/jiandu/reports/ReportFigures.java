package cn.jiandu.reports;

import cn.jiandu.accountability.FourForms;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.accountability.UnitMeasure;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The figures of a report. Counts over the period: inspections carried out, new problems, cases
 * closed with their measures and fault-tolerance outcomes, persons and party organisations held
 * accountable, notices published. Counts as of {@code asOf}: cases by stage, overdue verifications. Breakdowns are keyed
 * by the codes of docs/route.md, every code present (zero included) in a fixed order, so charts stay
 * comparable. {@code measures} and {@code leaderMeasures} count cases (the version-1 record: one
 * measure for the person directly responsible, one for the leaders); {@code persons} counts persons.
 */
public record ReportFigures(
        OffsetDateTime asOf,
        Inspections inspections,
        NewProblems newProblems,
        Map<String, Long> casesByStage,
        long openCases,
        Overdue overdue,
        Closed closed,
        Map<String, Long> measures,
        Map<String, Long> leaderMeasures,
        Persons persons,
        Organisations organisations,
        Map<String, Long> faultTolerance,
        long noticesPublished,
        List<ClosedCase> closedCases,
        Rectifications rectifications) {

    /** Reports stored before persons (organisations, rectifications) were counted have none: they read as zeros. */
    public ReportFigures {
        persons = persons == null ? Persons.NONE : persons;
        organisations = organisations == null ? Organisations.of(null) : organisations;
        rectifications = rectifications == null ? Rectifications.NONE : rectifications;
    }

    /** Figures without rectifications (reports compiled before they were counted). */
    public ReportFigures(OffsetDateTime asOf, Inspections inspections, NewProblems newProblems,
            Map<String, Long> casesByStage, long openCases, Overdue overdue, Closed closed, Map<String, Long> measures,
            Map<String, Long> leaderMeasures, Persons persons, Organisations organisations,
            Map<String, Long> faultTolerance, long noticesPublished, List<ClosedCase> closedCases) {
        this(asOf, inspections, newProblems, casesByStage, openCases, overdue, closed, measures, leaderMeasures,
                persons, organisations, faultTolerance, noticesPublished, closedCases, null);
    }

    /**
     * Rectifications (整改督办), in total, by zone and by unit kind (UNKNOWN: a case's unit whose kind no one
     * recorded). {@code open}: not completed nor escalated, started before the period ended; {@code overdue}:
     * of those, rectifying past a deadline that fell before the period ended; {@code completed} and
     * {@code escalated} (转立案) in the period. Every code present, zero included.
     */
    public record Rectifications(Counts total, Map<String, Counts> byZone, Map<String, Counts> byUnitKind) {

        public static final List<String> ZONES = List.of("NORTH", "SOUTH");
        public static final List<String> UNIT_KINDS = Stream.concat(
                Arrays.stream(cn.jiandu.common.UnitKind.values()).map(Enum::name), Stream.of("UNKNOWN")).toList();

        static final Rectifications NONE = new Rectifications(null, null, null);

        public Rectifications {
            total = total == null ? Counts.ZERO : total;
            byZone = everyCode(ZONES, byZone);
            byUnitKind = everyCode(UNIT_KINDS, byUnitKind);
        }

        private static Map<String, Counts> everyCode(List<String> codes, Map<String, Counts> counts) {
            Map<String, Counts> complete = new LinkedHashMap<>();
            codes.forEach(code -> complete.put(code, Counts.ZERO));
            if (counts != null) {
                counts.forEach((code, count) -> complete.put(code, count == null ? Counts.ZERO : count));
            }
            return complete;
        }
    }

    /** One line of the rectification figures. */
    public record Counts(long open, long overdue, long completed, long escalated) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);
    }

    /** Inspections carried out (recorded) in the period; confidential plans are never counted. */
    public record Inspections(long total, long unitsInspected, long withProblems, long problemsFound,
            Map<String, Long> byMode, Map<String, Long> byScope, Map<String, Long> byChannel,
            Map<String, Long> byUnitKind, Map<String, Long> byZone) {
    }

    /** Problems reported in the period, by their current type and zone (UNCLASSIFIED, UNASSIGNED until triage). */
    public record NewProblems(long total, Map<String, Long> byType, Map<String, Long> byZone,
            Map<String, Long> bySource) {
    }

    /** Cases in verification past their due date. */
    public record Overdue(long total, Map<String, Long> byZone) {
    }

    public record Closed(long total, Map<String, Long> byOutcome) {
    }

    /**
     * Persons held accountable (人次), each counted once when their case closed in the period: a
     * person of a case closed with outcome ACCOUNTABILITY whose measure is not NONE, and a person
     * proposed for filing (PROPOSE_FILING, or no measure yet) in a case closed REFERRED_FOR_INVESTIGATION.
     * Version-1 cases have no persons recorded and count 0 here. {@code byForm} counts each person in
     * the form of their measure, and a filing on a line of its own ({@link #FILING}): it is in no form
     * until its sanction is imposed. Every code is present in a fixed order, zero included, also when
     * read from a report stored with fewer codes.
     */
    public record Persons(long total, Map<String, Long> byMeasure, Map<String, Long> byForm,
            Map<String, Long> byResponsibility) {

        /** NONE (不予问责) is left out: such a person is not held accountable, so never counted. */
        public static final List<String> MEASURES = Arrays.stream(Measure.values())
                .filter(m -> m != Measure.NONE).map(Enum::name).toList();
        /** The line of byForm for persons proposed for filing (拟立案审查调查), after the four forms. */
        public static final String FILING = Measure.PROPOSE_FILING.name();
        public static final List<String> FORMS = Stream.concat(
                Arrays.stream(FourForms.Form.values()).map(Enum::name), Stream.of(FILING)).toList();
        public static final List<String> RESPONSIBILITIES = Arrays.stream(Responsibility.values())
                .map(Enum::name).toList();

        static final Persons NONE = new Persons(0, null, null, null);

        public Persons {
            byMeasure = everyCode(MEASURES, byMeasure);
            byForm = everyCode(FORMS, byForm);
            byResponsibility = everyCode(RESPONSIBILITIES, byResponsibility);
        }

        /** The codes in their order with their counts (0 if missing), then any code no longer listed. */
        static Map<String, Long> everyCode(List<String> codes, Map<String, Long> counts) {
            Map<String, Long> complete = new LinkedHashMap<>();
            codes.forEach(code -> complete.put(code, 0L));
            if (counts != null) {
                counts.forEach((code, count) -> complete.put(code, count == null ? 0L : count));
            }
            return complete;
        }
    }

    /**
     * Party organisations held accountable (对党组织的问责): the cases closed in the period with outcome
     * ACCOUNTABILITY by their unit measure, one organisation a case; every code present, zero included.
     * {@code total} is always the sum of {@code byMeasure}, whatever was passed or stored.
     */
    public record Organisations(long total, Map<String, Long> byMeasure) {

        public static final List<String> MEASURES = Arrays.stream(UnitMeasure.values()).map(Enum::name).toList();

        public Organisations {
            byMeasure = Persons.everyCode(MEASURES, byMeasure);
            total = byMeasure.values().stream().mapToLong(Long::longValue).sum();
        }

        static Organisations of(Map<String, Long> byMeasure) {
            return new Organisations(0, byMeasure);
        }
    }

    /**
     * A case closed in the period with a finding of fact (held accountable, handed over for
     * investigation, or exempted): the lines of the weekly bulletin. A version-1 case has its two
     * measures by case and no persons; a version-2 case its persons and the organisation's measure.
     */
    public record ClosedCase(String caseNumber, String title, String unit, String zone, String problemType,
            String measure, String leaderMeasure, String outcome, OffsetDateTime closedAt, String unitMeasure,
            List<PersonMeasure> persons) {

        public ClosedCase {
            persons = persons == null ? List.of() : List.copyOf(persons);
        }
    }

    /** One person of a listed case, in the case's order: responsibility and measure, no name. */
    public record PersonMeasure(String responsibility, String measure) {
    }
}
