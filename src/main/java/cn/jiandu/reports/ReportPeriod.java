package cn.jiandu.reports;

import java.time.OffsetDateTime;

/**
 * What a report covers: from one cut-off to the next, [from, to). {@code key} names it, such as
 * 2025-03-02 for a day or 2025-W09 for a week; {@code label} is how people read it.
 */
public record ReportPeriod(ReportKind kind, String key, String label, OffsetDateTime from, OffsetDateTime to) {
}
