package cn.jiandu.reports;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report as people read it, on the page and in the mail: headline figures, the breakdowns as
 * charts (a table in the mail), the persons held accountable (人次) as a table and charts of their
 * own, the weekly bulletin's closed cases, and the review and sign-off.
 */
record ReportView(
        ReportKind kind,
        String periodKey,
        String title,
        String periodLabel,
        String periodText,
        OffsetDateTime asOf,
        boolean stored,
        ReportStatus status,
        String statusLabel,
        String officeRemarks,
        String signOffComment,
        String signedBy,
        OffsetDateTime signedAt,
        List<Headline> headlines,
        List<Chart> charts,
        PersonCounts persons,
        List<CaseLine> closedCases,
        long closedCasesNotListed) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    record Headline(String label, long value, String unit) {
    }

    /** One breakdown: {@code type} is bar or doughnut, as Chart.js names them. */
    record Chart(String id, String title, String type, List<String> labels, List<Long> values) {

        public long total() {
            return values.stream().mapToLong(Long::longValue).sum();
        }

        /** The non-zero rows, as 防控不力 3、推诿扯皮 1, or 无 when all are zero. */
        public String text() {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                if (values.get(i) > 0) {
                    rows.add(labels.get(i) + " " + values.get(i));
                }
            }
            return rows.isEmpty() ? "无" : String.join("、", rows);
        }
    }

    /** Persons held accountable in the period: the total and its breakdowns (by measure, form, responsibility). */
    record PersonCounts(long total, List<Chart> charts) {

        /** Why version-1 cases are missing from the persons: said wherever the persons are shown. */
        static final String NOTE = "人次按逐人记录的问责对象统计，不予问责的不计；第一版案件未逐人记录，人次计为 0，其问责方式仍按件统计。";
        /** Why the forms may add up to less than the total. */
        static final String FORMS_NOTE = "拟立案审查调查的，待作出处分后计入相应形态。";

        public String note() {
            return NOTE;
        }

        public String formsNote() {
            return FORMS_NOTE;
        }
    }

    record CaseLine(String caseNumber, String title, String unit, String zone, String problemType, String measure,
            String leaderMeasure, String outcome, OffsetDateTime closedAt) {
    }

    static ReportView of(ReportPeriod period, ReportFigures f, Report stored) {
        List<CaseLine> lines = f.closedCases() == null ? List.of() : f.closedCases().stream()
                .map(c -> new CaseLine(c.caseNumber(), c.title(), c.unit(), ReportLabels.of(ReportLabels.ZONES, c.zone()),
                        ReportLabels.of(ReportLabels.PROBLEM_TYPES, c.problemType()),
                        ReportLabels.of(ReportLabels.MEASURES, c.measure()),
                        ReportLabels.of(ReportLabels.MEASURES, c.leaderMeasure()),
                        ReportLabels.of(ReportLabels.OUTCOMES, c.outcome()), c.closedAt()))
                .toList();
        long listable = f.closed().byOutcome().getOrDefault("ACCOUNTABILITY", 0L)
                + f.closed().byOutcome().getOrDefault("EXEMPTED", 0L);
        ReportStatus status = stored == null ? null : stored.status();
        return new ReportView(period.kind(), period.key(), period.kind().title(), period.label(),
                TIME.format(period.from()) + " 至 " + TIME.format(period.to()), f.asOf(), stored != null, status,
                status == null ? "实时汇总，尚未形成报告" : status.label(),
                stored == null ? null : stored.officeRemarks(), stored == null ? null : stored.signOffComment(),
                stored == null ? null : stored.signedBy(), stored == null ? null : stored.signedAt(),
                headlines(f), charts(f), persons(f.persons()), lines, Math.max(0, listable - lines.size()));
    }

    public String asOfText() {
        return TIME.format(asOf);
    }

    /** Every chart the page draws: the breakdowns, then those of the persons. */
    public List<Chart> allCharts() {
        List<Chart> all = new ArrayList<>(charts);
        all.addAll(persons.charts());
        return all;
    }

    /** The figures in a few lines of plain text, for Tasklist forms. */
    String summary() {
        StringBuilder text = new StringBuilder("统计区间：").append(periodText).append("\n");
        text.append(headlines.stream().map(h -> h.label() + " " + h.value() + " " + h.unit())
                .collect(Collectors.joining("；"))).append("。\n");
        for (Chart chart : allCharts()) {
            text.append(chart.title()).append("：").append(chart.text()).append("\n");
        }
        return text.toString().trim();
    }

    private static List<Headline> headlines(ReportFigures f) {
        return List.of(
                new Headline("监督检查", f.inspections().total(), "次"),
                new Headline("检查单位", f.inspections().unitsInspected(), "个"),
                new Headline("检查发现问题", f.inspections().problemsFound(), "个"),
                new Headline("新增问题线索", f.newProblems().total(), "件"),
                new Headline("在办案件", f.openCases(), "件"),
                new Headline("逾期未核实", f.overdue().total(), "件"),
                new Headline("办结案件", f.closed().total(), "件"),
                new Headline("问责人员", f.persons().total(), "人次"),
                new Headline("容错免责", f.faultTolerance().getOrDefault("EXEMPTED", 0L), "件"),
                new Headline("通报曝光", f.noticesPublished(), "起"));
    }

    private static List<Chart> charts(ReportFigures f) {
        ReportFigures.Inspections i = f.inspections();
        return List.of(
                chart("inspectionsByMode", "检查方式（明查/暗访）", "doughnut", i.byMode(), ReportLabels.MODES),
                chart("inspectionsByChannel", "检查渠道（实地/远程视频）", "doughnut", i.byChannel(), ReportLabels.CHANNELS),
                chart("inspectionsByScope", "检查范围（全面/重点）", "doughnut", i.byScope(), ReportLabels.SCOPES),
                chart("inspectionsByUnitKind", "被检查单位类别", "bar", i.byUnitKind(), ReportLabels.UNIT_KINDS),
                chart("inspectionsByZone", "检查次数（按片区）", "bar", i.byZone(), ReportLabels.ZONES),
                chart("newProblemsByType", "新增问题（按类型）", "bar", f.newProblems().byType(), ReportLabels.PROBLEM_TYPES),
                chart("newProblemsByZone", "新增问题（按片区）", "doughnut", f.newProblems().byZone(), ReportLabels.ZONES),
                chart("newProblemsBySource", "新增问题（按来源）", "bar", f.newProblems().bySource(), ReportLabels.SOURCES),
                chart("casesByStage", "案件办理阶段（截至编制时）", "bar", f.casesByStage(), ReportLabels.STAGES),
                chart("overdueByZone", "逾期未核实（按片区）", "bar", f.overdue().byZone(), ReportLabels.ZONES),
                chart("closedByOutcome", "办结案件（按结果）", "bar", f.closed().byOutcome(), ReportLabels.OUTCOMES),
                chart("measures", "问责方式（按件计，直接责任人）", "bar", f.measures(), ReportLabels.MEASURES),
                chart("leaderMeasures", "问责方式（按件计，领导责任）", "bar", f.leaderMeasures(), ReportLabels.MEASURES),
                chart("faultTolerance", "容错纠错结果", "doughnut", f.faultTolerance(), ReportLabels.FAULT_TOLERANCE));
    }

    private static PersonCounts persons(ReportFigures.Persons p) {
        return new PersonCounts(p.total(), List.of(
                chart("personsByMeasure", "问责人次（按问责方式）", "bar", p.byMeasure(), ReportLabels.MEASURES),
                chart("personsByForm", "问责人次（按四种形态）", "bar", p.byForm(), ReportLabels.FORMS),
                chart("personsByResponsibility", "问责人次（按责任类型）", "doughnut", p.byResponsibility(),
                        ReportLabels.RESPONSIBILITIES)));
    }

    private static Chart chart(String id, String title, String type, Map<String, Long> counts,
            Map<String, String> labels) {
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach((code, count) -> {
            names.add(ReportLabels.of(labels, code));
            values.add(count);
        });
        return new Chart(id, title, type, names, values);
    }
}
