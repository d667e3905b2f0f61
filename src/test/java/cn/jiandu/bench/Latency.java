package cn.jiandu.bench;

import cn.jiandu.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Latency of single requests, one after another, as one person waiting for a page sees it. */
final class Latency {

    private final Http client;

    Latency(Http client) {
        this.client = client;
    }

    /** Tasklist's first page for the group's user: the task query as the issue states it, then Tasklist's own request. */
    Map<String, Object> tasklistFirstPage(String user, String group, int warmup, int samples) {
        return tasklistFirstPage(user, group, warmup, samples, true);
    }

    /**
     * As above; Tasklist's own request (filter list with its count, then the count again for the
     * sidebar) is sampled a quarter as often, since a count visits every task of the group, and only
     * when asked: without the tuning it grows with the square of the open tasks (minutes at 100,000).
     */
    Map<String, Object> tasklistFirstPage(String user, String group, int warmup, int samples, boolean withFilter) {
        Map<String, Object> figures = new LinkedHashMap<>();
        String query = "/engine-rest/task?candidateGroup=" + group
                + "&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
        figures.put("openTasksOfGroup", count(user, "/engine-rest/task/count?candidateGroup=" + group
                + "&includeAssignedTasks=true"));
        figures.put("restTaskQuery", measure(warmup, samples, () -> client.get(user, query)).json());
        String newestFirst = "/engine-rest/task?candidateGroup=" + group
                + "&includeAssignedTasks=true&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
        figures.put("restTaskQueryNewestFirst", measure(warmup, samples, () -> client.get(user, newestFirst)).json());
        String filter = groupFilter(user, group);
        if (filter != null && withFilter) {
            String body = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
            Supplier<Http.Answer> list = () -> client.post(user, "/engine-rest/filter/" + filter
                    + "/list?firstResult=0&maxResults=15", body, Map.of("Accept", "application/hal+json"));
            Supplier<Http.Answer> count = () -> client.post(user, "/engine-rest/filter/" + filter + "/count", body);
            // officers-day.js: every filter of the sidebar with its count after each list; the listed filter's
            // count comes with its list, the others' are asked one by one (the browser asks them side by side)
            Supplier<Http.Answer> sidebar = () -> {
                Http.Answer filters = client.get(user, "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=2000");
                if (filters.status() != 200) {
                    return filters;
                }
                for (JsonNode other : filters.json()) {
                    if (!filter.equals(other.get("id").asText())) {
                        Http.Answer counted = client.get(user, "/engine-rest/filter/" + other.get("id").asText() + "/count");
                        if (counted.status() != 200) {
                            return counted;
                        }
                    }
                }
                return filters;
            };
            int fewer = Math.max(10, samples / 4);
            figures.put("tasklistFilterListAndCount", measure(Math.min(warmup, 5), fewer, () -> {
                Http.Answer answer = list.get();
                return answer.status() != 200 ? answer : count.get();
            }).json());
            figures.put("tasklistSidebarCounts", measure(Math.min(warmup, 5), fewer, sidebar).json());
            // The page as Tasklist asks it: its filter's list, whose HAL answer carries the count (Tasklist 7.24
            // asks no separate count), then the other filters' counts for the sidebar (officers-day.js, 150 ms later).
            figures.put("tasklistPage", measure(Math.min(warmup, 5), fewer, () -> {
                Http.Answer answer = list.get();
                return answer.status() != 200 ? answer : sidebar.get();
            }).json());
        }
        return figures;
    }

    /** GET /api/reports/daily?date= if the application has it. */
    Map<String, Object> dailyReport(String user, String date, int samples) {
        Map<String, Object> figures = new LinkedHashMap<>();
        long start = System.nanoTime();
        Http.Answer first = client.get(user, "/api/reports/daily?date=" + date);
        double firstMillis = (System.nanoTime() - start) / 1e6;
        if (first.status() == 404 || first.status() == 405) {
            figures.put("available", false);
            figures.put("note", "not available: GET /api/reports/daily answered " + first.status());
            return figures;
        }
        if (first.status() != 200) {
            figures.put("available", false);
            figures.put("note", "GET /api/reports/daily answered " + first.status() + ": " + abbreviate(first.body()));
            return figures;
        }
        figures.put("available", true);
        figures.put("firstCallMillis", Math.round(firstMillis * 10) / 10.0);
        figures.put("compile", measure(2, samples, () -> client.get(user, "/api/reports/daily?date=" + date)).json());
        return figures;
    }

    Percentiles measure(int warmup, int samples, Supplier<Http.Answer> request) {
        for (int i = 0; i < warmup; i++) {
            request.get().expect(200, "warm-up");
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            request.get().expect(200, "measured request");
            nanos.add(System.nanoTime() - start);
        }
        return Percentiles.ofNanos(nanos);
    }

    private long count(String user, String path) {
        return client.get(user, path).expect(200, path).json().get("count").asLong();
    }

    private String groupFilter(String user, String group) {
        for (JsonNode filter : client.get(user, "/engine-rest/filter?resourceType=Task").expect(200, "filters").json()) {
            if (group.equals(filter.path("properties").path("jianduGroup").asText())
                    && "本组待办".equals(filter.path("name").asText())) {
                return filter.get("id").asText();
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
