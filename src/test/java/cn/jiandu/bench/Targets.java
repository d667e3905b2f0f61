package cn.jiandu.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Issue 8's targets, checked against the figures of a run. */
final class Targets {

    private Targets() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> evaluate(Map<String, Object> figures) {
        Map<String, Object> targets = new LinkedHashMap<>();
        Map<String, Object> commits = (Map<String, Object>) figures.get("commitRatePerSecond");
        Map<String, Object> route = (Map<String, Object>) figures.get("supervisionCaseRoute");
        Map<String, Object> bare = (Map<String, Object>) figures.get("oneTaskProcess");
        if (commits != null && route != null) {
            double ceiling = number(commits.get("8connections"));
            double completions = number(route.get("completionsPerSecond"));
            targets.put("completionsOverCommitRate8", check(completions / ceiling, 0.25, true,
                    "completions/s ≥ 0.25 × commit rate with 8 connections"));
            if (bare != null) {
                targets.put("routeOverOneTaskCompletions", ratio(completions / number(bare.get("completionsPerSecond"))));
            }
        }
        Map<String, Object> pages = (Map<String, Object>) figures.get("tasklistFirstPage");
        if (pages != null && !pages.isEmpty()) {
            String largest = pages.keySet().stream().max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                    .orElseThrow();
            // the slower of the groups measured
            double p95 = ((Map<String, Object>) pages.get(largest)).values().stream()
                    .filter(v -> v instanceof Map<?, ?> m && m.containsKey("restTaskQuery"))
                    .mapToDouble(v -> number(((Map<String, Object>) ((Map<String, Object>) v).get("restTaskQuery")).get("p95")))
                    .max().orElse(Double.NaN);
            Map<String, Object> t = check(p95, 50, false,
                    "Tasklist first page p95 ≤ 50 ms at 100,000 open cases");
            t.put("openCases", Integer.parseInt(largest));
            targets.put("tasklistP95Millis", t);
            double page = ((Map<String, Object>) pages.get(largest)).values().stream()
                    .filter(v -> v instanceof Map<?, ?> m && m.containsKey("tasklistPage"))
                    .mapToDouble(v -> number(((Map<String, Object>) ((Map<String, Object>) v).get("tasklistPage")).get("p95")))
                    .max().orElse(Double.NaN);
            if (!Double.isNaN(page)) {
                Map<String, Object> p = check(page, 300, false,
                        "Tasklist page (list with its count + every sidebar count) p95 ≤ 300 ms at 100,000 open cases");
                p.put("openCases", Integer.parseInt(largest));
                targets.put("tasklistPageP95Millis", p);
            }
        }
        Map<String, Object> report = (Map<String, Object>) figures.get("dailyReport");
        if (report != null) {
            if (Boolean.TRUE.equals(report.get("available"))) {
                Map<String, Object> compile = (Map<String, Object>) report.get("compile");
                targets.put("dailyReportP95Millis", check(number(compile.get("p95")), 300, false,
                        "daily report ≤ 300 ms at 100,000 cases"));
            } else {
                targets.put("dailyReportP95Millis", Map.of("met", "not available", "target",
                        "daily report ≤ 300 ms at 100,000 cases"));
            }
        }
        return targets;
    }

    private static Map<String, Object> check(double value, double limit, boolean atLeast, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", ratio(value));
        m.put("target", target);
        m.put("met", atLeast ? value >= limit : value <= limit);
        return m;
    }

    private static double ratio(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
