package cn.jiandu.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** p50, p95, p99 and max of a set of durations, in milliseconds (nearest-rank). */
record Percentiles(int samples, double p50, double p95, double p99, double max) {

    static Percentiles ofNanos(Collection<Long> nanos) {
        double[] millis = nanos.stream().mapToDouble(n -> n / 1_000_000.0).sorted().toArray();
        if (millis.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(millis.length, rank(millis, 50), rank(millis, 95), rank(millis, 99),
                millis[millis.length - 1]);
    }

    private static double rank(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("p50", round(p50));
        m.put("p95", round(p95));
        m.put("p99", round(p99));
        m.put("max", round(max));
        return m;
    }

    @Override
    public String toString() {
        return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms".formatted(p50, p95, p99);
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
