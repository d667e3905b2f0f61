package cn.jiandu.cases;

import cn.jiandu.accountability.FourForms;
import cn.jiandu.accountability.Person;
import cn.jiandu.common.Labelled;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** What GET /api/cases/{caseNumber} shows; reporter fields only to those entitled to them. */
public record CaseView(
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
        String unitMeasure,
        String inquiryOutcome,
        String verificationOutcome,
        String triageComment,
        String decisionReason,
        String faultToleranceReason,
        String correctiveMeasures,
        String noticeTitle,
        String defenceRecord,
        Boolean defenceChangesDecision,
        LocalDate servedOn,
        OffsetDateTime handedOverAt,
        String handedOverBy,
        List<PersonView> persons,
        OffsetDateTime reportedAt,
        OffsetDateTime closedAt,
        OffsetDateTime verifyDueAt,
        List<OpenTask> openTasks,
        List<TimelineEntry> timeline) {

    public record Reporter(String name, String phone, String email) {
    }

    /** A person of the case: codes with the labels people read, and the form (四种形态) of their measure. */
    public record PersonView(int position, String name, String unit, String post, String level, String levelLabel,
            Boolean partyMember, Boolean publicServant, String responsibility, String responsibilityLabel,
            Boolean repeatOffence, Boolean repeatOffenceProposed, String recommendedMeasure,
            String recommendedMeasureLabel, String measure, String measureLabel, String form, String formLabel,
            Boolean leaderApprovalRequired, String defenceRecord, LocalDate servedOn) {

        public static PersonView of(Person p) {
            Optional<FourForms.Form> form = FourForms.of(p.measure());
            return new PersonView(p.position(), p.name(), p.unit(), p.post(), code(p.level()), label(p.level()),
                    p.partyMember(), p.publicServant(), code(p.responsibility()), label(p.responsibility()),
                    p.repeatOffence(), p.repeatOffenceProposed(), code(p.recommendedMeasure()),
                    label(p.recommendedMeasure()), code(p.measure()), label(p.measure()),
                    form.map(Enum::name).orElse(null), form.map(FourForms.Form::label).orElse(null),
                    p.leaderApprovalRequired(), p.defenceRecord(), p.servedOn());
        }

        private static String code(Labelled value) {
            return value == null ? null : value.name();
        }

        private static String label(Labelled value) {
            return value == null ? null : value.label();
        }
    }

    public record OpenTask(String id, String taskKey, String name, String assignee, List<String> candidateGroups,
            Date created, Date due) {
    }

    public record TimelineEntry(String activityId, String activityName, String type, String by, Date started, Date ended,
            String comment) {
    }

    /**
     * A line of GET /api/cases and of the register. {@code dueAt} is the earliest due date of the case's open
     * steps; {@code overdue} whether it has passed.
     */
    public record Summary(String caseNumber, String title, String source, String unit, String problemType,
            String severity, String zone, String stage, String outcome, OffsetDateTime reportedAt,
            OffsetDateTime updatedAt, String personsInvolved, OffsetDateTime dueAt, boolean overdue) {

        static Summary of(CaseRecord r, OffsetDateTime dueAt, OffsetDateTime now) {
            return new Summary(r.caseNumber(), r.title(), r.source(), r.unit(), r.problemType(), r.severity(),
                    r.zone(), r.stage(), r.outcome(), r.reportedAt(), r.updatedAt(), r.personsInvolved(), dueAt,
                    dueAt != null && dueAt.isBefore(now));
        }
    }
}
