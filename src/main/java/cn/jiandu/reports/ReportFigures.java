package cn.jiandu.reports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The figures of a report. Counts over the period: inspections carried out, new problems, cases
 * closed with their measures and fault-tolerance outcomes, notices published. Counts as of
 * {@code asOf}: cases by stage, overdue verifications. Breakdowns are keyed by the codes of
 * docs/route.md, every code present (zero included) in a fixed order, so charts stay comparable.
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
        Map<String, Long> faultTolerance,
        long noticesPublished,
        List<ClosedCase> closedCases) {

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

    /** A case closed in the period with a finding of fact: the lines of the weekly bulletin. */
    public record ClosedCase(String caseNumber, String title, String unit, String zone, String problemType,
            String measure, String leaderMeasure, String outcome, OffsetDateTime closedAt) {
    }
}
