package cn.jiandu.reports;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A report as people read it, on the page and in the mail: headline figures, the breakdowns as
 * charts (a table in the mail), the persons (人次) and party organisations held accountable as a
 * table and charts of their own, the weekly bulletin's closed cases, and the review and sign-off.
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
        OrganisationCounts organisations,
        List<CaseLine> closedCases,
        long closedCasesNotListed,
        RectificationCounts rectifications) {

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

        /** When a person counts, and why version-1 cases are missing: said wherever the persons are shown. */
        static final String NOTE = "人次按案件办结日期计入统计区间：本期办结且结果为问责的案件，逐人记录的问责对象各计一次，"
                + "不予问责的不计；本期移送立案审查调查的案件，拟立案审查调查的人员各计一次。"
                + "第一版案件未逐人记录，人次计为 0，其问责方式仍按件统计。";
        /** Why filing has a line of its own beside the four forms. */
        static final String FORMS_NOTE = "拟立案审查调查的单列一行，待作出处分后计入相应形态。";

        public String note() {
            return NOTE;
        }

        public String formsNote() {
            return FORMS_NOTE;
        }
    }

    /** Party organisations held accountable in the period, by the measure for the organisation. */
    record OrganisationCounts(long total, Chart chart) {

        static final String NOTE = "党组织按本期办结且结果为问责的案件统计，每案对党组织的问责方式计一次。";

        public String note() {
            return NOTE;
        }
    }

    /** Rectifications (整改督办): the totals, then a line per zone and per unit kind. */
    record RectificationCounts(RectificationLine total, List<RectificationLine> byZone,
            List<RectificationLine> byUnitKind) {

        static final String NOTE = "未完成：截至编制时尚未整改完成或转立案的；逾期：整改中且整改期限已过统计区间末日的；"
                + "已完成、转立案：本期内整改完成或因整改不实不力转立案的。当场整改的计入已完成。";

        public String note() {
            return NOTE;
        }

        /** The lines as 北片区 未完成 0、逾期 0、已完成 2、转立案 0, for the mail and Tasklist. */
        String text(List<RectificationLine> lines) {
            return lines.stream().filter(RectificationLine::any).map(RectificationLine::text)
                    .collect(Collectors.joining("；")).transform(t -> t.isEmpty() ? "无" : t);
        }

        public String byZoneText() {
            return text(byZone);
        }

        public String byUnitKindText() {
            return text(byUnitKind);
        }
    }

    record RectificationLine(String label, long open, long overdue, long completed, long escalated) {

        static RectificationLine of(String label, ReportFigures.Counts c) {
            return new RectificationLine(label, c.open(), c.overdue(), c.completed(), c.escalated());
        }

        boolean any() {
            return open + overdue + completed + escalated > 0;
        }

        public String text() {
            return label + " 未完成 " + open + "、逾期 " + overdue + "、已完成 " + completed + "、转立案 " + escalated;
        }
    }

    /**
     * A line of the weekly bulletin. {@code measures} reads the same for both versions of the route:
     * a version-2 case by person (直接责任 通报批评、主要领导责任 组织调整建议), a version-1 case by its two
     * measures (直接责任人 诫勉；领导责任 批评教育).
     */
    record CaseLine(String caseNumber, String title, String unit, String zone, String problemType, String measures,
            String unitMeasure, String outcome, OffsetDateTime closedAt) {

        static CaseLine of(ReportFigures.ClosedCase c) {
            return new CaseLine(c.caseNumber(), c.title(), c.unit(), ReportLabels.of(ReportLabels.ZONES, c.zone()),
                    ReportLabels.of(ReportLabels.PROBLEM_TYPES, c.problemType()), measures(c),
                    ReportLabels.of(ReportLabels.UNIT_MEASURES, c.unitMeasure()),
                    ReportLabels.of(ReportLabels.OUTCOMES, c.outcome()), c.closedAt());
        }

        private static String measures(ReportFigures.ClosedCase c) {
            if (!c.persons().isEmpty()) {
                return c.persons().stream()
                        .map(p -> ReportLabels.of(ReportLabels.RESPONSIBILITIES, p.responsibility()) + " "
                                + (p.measure() == null ? "未定" : ReportLabels.of(ReportLabels.MEASURES, p.measure())))
                        .collect(Collectors.joining("、"));
            }
            List<String> byCase = new ArrayList<>();
            if (c.measure() != null) {
                byCase.add("直接责任人 " + ReportLabels.of(ReportLabels.MEASURES, c.measure()));
            }
            if (c.leaderMeasure() != null) {
                byCase.add("领导责任 " + ReportLabels.of(ReportLabels.MEASURES, c.leaderMeasure()));
            }
            return String.join("；", byCase);
        }
    }

    static ReportView of(ReportPeriod period, ReportFigures f, Report stored) {
        List<CaseLine> lines = f.closedCases() == null ? List.of()
                : f.closedCases().stream().map(CaseLine::of).toList();
        long listable = Stream.of("ACCOUNTABILITY", "REFERRED_FOR_INVESTIGATION", "EXEMPTED")
                .mapToLong(outcome -> f.closed().byOutcome().getOrDefault(outcome, 0L)).sum();
        ReportStatus status = stored == null ? null : stored.status();
        return new ReportView(period.kind(), period.key(), period.kind().title(), period.label(),
                TIME.format(period.from()) + " 至 " + TIME.format(period.to()), f.asOf(), stored != null, status,
                status == null ? "实时汇总，尚未形成报告" : status.label(),
                stored == null ? null : stored.officeRemarks(), stored == null ? null : stored.signOffComment(),
                stored == null ? null : stored.signedBy(), stored == null ? null : stored.signedAt(),
                headlines(f), charts(f), persons(f.persons()), organisations(f.organisations()), lines,
                Math.max(0, listable - lines.size()), rectifications(f.rectifications()));
    }

    private static RectificationCounts rectifications(ReportFigures.Rectifications r) {
        return new RectificationCounts(RectificationLine.of("合计", r.total()),
                r.byZone().entrySet().stream()
                        .map(e -> RectificationLine.of(ReportLabels.of(ReportLabels.ZONES, e.getKey()), e.getValue()))
                        .toList(),
                r.byUnitKind().entrySet().stream()
                        .map(e -> RectificationLine.of("UNKNOWN".equals(e.getKey()) ? "未登记类别"
                                : ReportLabels.of(ReportLabels.UNIT_KINDS, e.getKey()), e.getValue()))
                        .toList());
    }

    public String asOfText() {
        return TIME.format(asOf);
    }

    /** Every chart the page draws: the breakdowns, then those of the persons and the organisations. */
    public List<Chart> allCharts() {
        List<Chart> all = new ArrayList<>(charts);
        all.addAll(persons.charts());
        all.add(organisations.chart());
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
        text.append("整改督办：").append(rectifications.total().text()).append("\n");
        text.append("整改督办（按片区）：").append(rectifications.byZoneText()).append("\n");
        text.append("整改督办（按单位类别）：").append(rectifications.byUnitKindText()).append("\n");
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
                new Headline("问责党组织", f.organisations().total(), "个"),
                new Headline("容错免责", f.faultTolerance().getOrDefault("EXEMPTED", 0L), "件"),
                new Headline("通报曝光", f.noticesPublished(), "起"),
                new Headline("整改完成", f.rectifications().total().completed(), "项"),
                new Headline("整改未完成", f.rectifications().total().open(), "项"));
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

    private static OrganisationCounts organisations(ReportFigures.Organisations o) {
        return new OrganisationCounts(o.total(),
                chart("organisationsByMeasure", "问责党组织（按问责方式）", "bar", o.byMeasure(), ReportLabels.UNIT_MEASURES));
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
