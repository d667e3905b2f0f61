package cn.jiandu.cases;

import java.time.OffsetDateTime;
import java.util.Map;

/** Filters of GET /api/cases: column values and a reporting period [from, before). */
record CaseFilter(Map<String, String> columns, OffsetDateTime reportedFrom, OffsetDateTime reportedBefore) {
}
