package cn.jiandu.bench;

import java.util.Map;

/** The run as a Markdown table: what bench/README.md shows. */
final class Table {

    private final StringBuilder out = new StringBuilder("| figure | value |\n|---|---|\n");

    private Table() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> result) {
        Table t = new Table();
        Map<String, Object> machine = (Map<String, Object>) result.get("machine");
        Map<String, Object> pg = (Map<String, Object>) result.get("postgres");
        Map<String, Object> figures = (Map<String, Object>) result.get("figures");
        Map<String, Object> targets = (Map<String, Object>) result.get("targets");
        t.row("date", result.get("date"));
        t.row("machine", machine.get("cores") + " cores " + machine.get("cpu") + ", " + machine.get("memoryMiB")
                + " MiB, " + machine.get("java") + "; load average " + machine.get("loadAverageAtStart") + " at start, "
                + result.get("loadAverageAtEnd") + " at end");
        if (pg != null) {
            t.row("PostgreSQL", pg.get("server_version") + ", synchronous_commit " + pg.get("synchronous_commit")
                    + ", shared_buffers " + pg.get("shared_buffers") + " (" + pg.get("server") + ")");
        }
        Map<String, Object> commits = (Map<String, Object>) figures.get("commitRatePerSecond");
        if (commits != null) {
            t.row("commit rate, 1 connection (pgbench -N over JDBC)", commits.get("1connections") + " /s");
            t.row("commit rate, 8 connections", commits.get("8connections") + " /s");
        }
        Map<String, Object> route = (Map<String, Object>) figures.get("supervisionCaseRoute");
        Map<String, Object> bare = (Map<String, Object>) figures.get("oneTaskProcess");
        if (route != null) {
            t.row("supervisionCase route, 8 officers: user-task completions", route.get("completionsPerSecond") + " /s"
                    + latency(route));
            t.row("supervisionCase route, 8 officers: whole cases (report → closeCase)", route.get("casesPerSecond") + " /s");
            t.row("one-task process, 8 officers: completions (= whole instances)", bare.get("completionsPerSecond") + " /s"
                    + latency(bare));
            t.row("route ÷ one-task completions", value(targets.get("routeOverOneTaskCompletions")));
            t.row("completions ÷ commit rate (8 connections), target ≥ 0.25", verdict(targets.get("completionsOverCommitRate8")));
        }
        Map<String, Object> pages = (Map<String, Object>) figures.get("tasklistFirstPage");
        if (pages != null) {
            pages.forEach((size, atSize) -> ((Map<String, Object>) atSize).forEach((group, v) -> {
                if ("dueDates".equals(group)) {
                    t.row("open tasks' due dates at " + size + " open cases (--due-dates)", v);
                }
                if (v instanceof Map<?, ?> m && m.containsKey("restTaskQuery")) {
                    Map<String, Object> g = (Map<String, Object>) v;
                    t.row("Tasklist first page at " + size + " open cases, " + group + " (" + g.get("openTasksOfGroup")
                            + " tasks): GET /engine-rest/task by due date", percentiles(g.get("restTaskQuery")));
                    if (g.containsKey("restTaskQueryNewestFirst")) {
                        t.row("… same group, newest first (Tasklist's default order)",
                                percentiles(g.get("restTaskQueryNewestFirst")));
                    }
                    if (g.containsKey("tasklistFilterListAndCount")) {
                        t.row("… Tasklist's filter list + count", percentiles(g.get("tasklistFilterListAndCount")));
                    }
                    if (g.containsKey("tasklistSidebarCounts")) {
                        t.row("… the sidebar's other counts (officers-day.js)", percentiles(g.get("tasklistSidebarCounts")));
                    }
                    if (g.containsKey("tasklistPage")) {
                        t.row("… the page as Tasklist asks it (list with its count + every sidebar count)",
                                percentiles(g.get("tasklistPage")));
                    }
                }
            }));
            t.row("Tasklist first page p95 at the largest size, target ≤ 50 ms", verdict(targets.get("tasklistP95Millis")));
            if (targets.containsKey("tasklistPageP95Millis")) {
                t.row("Tasklist page p95 at the largest size, target ≤ 300 ms", verdict(targets.get("tasklistPageP95Millis")));
            }
        }
        Map<String, Object> untuned = (Map<String, Object>) figures.get("untunedAtLargestSize");
        if (untuned != null) {
            t.row("without Jiandu's tuning: open cases", untuned.get("openCases"));
            untuned.forEach((group, v) -> {
                if (v instanceof Map<?, ?> m && m.containsKey("restTaskQuery")) {
                    Map<String, Object> g = (Map<String, Object>) v;
                    t.row("without Jiandu's tuning, same data, " + group + ": GET /engine-rest/task by due date",
                            percentiles(g.get("restTaskQuery")));
                    if (g.containsKey("tasklistFilterListAndCount")) {
                        t.row("… without tuning, filter list + count", percentiles(g.get("tasklistFilterListAndCount")));
                    }
                }
            });
            Map<String, Object> report = (Map<String, Object>) untuned.get("dailyReport");
            if (report != null && Boolean.TRUE.equals(report.get("available"))) {
                t.row("without Jiandu's tuning, same data: daily report compile", percentiles(report.get("compile")));
            }
        }
        Map<String, Object> report = (Map<String, Object>) figures.get("dailyReport");
        if (report != null) {
            t.row("daily report compile at " + report.get("allCases") + " cases",
                    Boolean.TRUE.equals(report.get("available")) ? percentiles(report.get("compile"))
                            + "; target ≤ 300 ms: " + ((Map<String, Object>) targets.get("dailyReportP95Millis")).get("met")
                            : String.valueOf(report.get("note")));
        }
        Map<String, Object> startup = (Map<String, Object>) figures.get("startupOnH2");
        if (startup != null) {
            t.row("start to ready / resident memory on H2, Jiandu (median of " + startup.get("runs") + ")",
                    startup(startup.get("jiandu")));
            t.row("start to ready / resident memory on H2, bare Camunda starter", startup(startup.get("bareCamunda")));
        }
        return t.out.toString();
    }

    private void row(String figure, Object value) {
        out.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    @SuppressWarnings("unchecked")
    private static String latency(Map<String, Object> throughput) {
        Map<String, Object> l = (Map<String, Object>) throughput.get("completionLatencyMillis");
        return " (completion p50 " + l.get("p50") + " ms, p95 " + l.get("p95") + " ms; " + throughput.get("failures")
                + " failures)";
    }

    @SuppressWarnings("unchecked")
    private static String percentiles(Object p) {
        Map<String, Object> m = (Map<String, Object>) p;
        return "p50 " + m.get("p50") + " ms, p95 " + m.get("p95") + " ms, p99 " + m.get("p99") + " ms";
    }

    @SuppressWarnings("unchecked")
    private static String verdict(Object target) {
        if (target == null) {
            return "—";
        }
        Map<String, Object> m = (Map<String, Object>) target;
        Object met = m.get("met");
        return m.get("value") + " — " + (Boolean.TRUE.equals(met) ? "met" : Boolean.FALSE.equals(met) ? "not met" : met);
    }

    private static String value(Object v) {
        return v == null ? "—" : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static String startup(Object s) {
        Map<String, Object> m = (Map<String, Object>) s;
        return m.get("readyMillisMedian") + " ms, " + m.get("residentMiBMedian") + " MiB";
    }
}
