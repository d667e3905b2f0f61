package cn.jiandu.cases;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

/** What GET /api/cases/{caseNumber} shows; reporter fields only to those entitled to them. */
record CaseView(
        String caseNumber,
        String title,
        String description,
        String source,
        String unit,
        String personsInvolved,
        boolean anonymous,
        Reporter reporter,
        String problemType,
        String severity,
        String zone,
        String disposal,
        String stage,
        String outcome,
        String possibleDuplicateOf,
        Boolean substantiated,
        String findings,
        String responsiblePersons,
        Boolean leadershipResponsible,
        String recommendedMeasure,
        String measure,
        String leaderMeasure,
        Boolean typicalCase,
        String faultToleranceOutcome,
        Boolean faultToleranceApproved,
        OffsetDateTime reportedAt,
        OffsetDateTime closedAt,
        List<OpenTask> openTasks,
        List<TimelineEntry> timeline) {

    record Reporter(String name, String phone, String email) {
    }

    record OpenTask(String id, String taskKey, String name, String assignee, List<String> candidateGroups,
            Date created, Date due) {
    }

    record TimelineEntry(String activityId, String activityName, String type, String by, Date started, Date ended,
            String comment) {
    }

    /** A line of GET /api/cases. */
    record Summary(String caseNumber, String title, String source, String unit, String problemType, String severity,
            String zone, String stage, String outcome, OffsetDateTime reportedAt) {

        static Summary of(CaseRecord r) {
            return new Summary(r.caseNumber(), r.title(), r.source(), r.unit(), r.problemType(), r.severity(),
                    r.zone(), r.stage(), r.outcome(), r.reportedAt());
        }
    }
}
