package cn.jiandu.inspections;

/** The filters of GET /api/inspections, as column values; null means any. */
record InspectionFilter(String zone, String status, String mode) {
}
