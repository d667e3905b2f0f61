package cn.jiandu.cases;

import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.identity.CurrentUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cases for GET /api/cases: the record, the open tasks and the timeline from the engine's history. */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    /**
     * What the timeline lists: the steps a person did and the decisions Jiandu or the engine took (a
     * registration, a recommendation, an overdue step sent to leaders, a hold that ran out, a hand-over,
     * the closing). Start and end events of the route and of its stages ("开始", "办结" right after a
     * step reads as if the case were closed) and the sending of reminders are the route's mechanics.
     */
    private static final Set<String> TIMELINE_TYPES = Set.of("userTask", "serviceTask", "businessRuleTask",
            "receiveTask", "intermediateTimer", "boundaryTimer");

    static boolean onTimeline(String activityType, String activityId) {
        return TIMELINE_TYPES.contains(activityType) && !activityId.endsWith("Reminder")
                && !activityId.startsWith("send");
    }

    private final CaseRepository cases;
    private final PersonRepository persons;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final Clock clock;
    /** How many cases past a page's start the register counts exactly (jiandu.register.count-limit). */
    private final int countLimit;
    private final ReporterSeal seal;

    CaseQueries(CaseRepository cases, PersonRepository persons, TaskService taskService,
            HistoryService historyService, Clock clock, ReporterSeal seal,
            @Value("${jiandu.register.count-limit:1000}") int countLimit) {
        if (countLimit < 1) {
            throw new IllegalArgumentException("jiandu.register.count-limit must be at least 1, not " + countLimit);
        }
        this.countLimit = countLimit;
        this.seal = seal;
        this.clock = clock;
        this.cases = cases;
        this.persons = persons;
        this.taskService = taskService;
        this.historyService = historyService;
    }

    /**
     * One page of the cases the user may see that the filter finds, in the filter's order. The total is exact
     * up to countLimit cases past the page's start; beyond that the page says "more than" (CasePage.moreThan):
     * counting 60,000 matches of a broad word costs hundreds of milliseconds and tells an officer nothing the
     * first pages do not. The count comes first because it also tells the list whether the search is broad.
     */
    public CasePage search(CurrentUser user, CaseFilter filter, int page, int size) {
        List<Object> visibilityArgs = new ArrayList<>();
        String visibility = CaseVisibility.sqlCondition(user, visibilityArgs);
        cases.withoutParallelWorkers();
        long offset = (long) page * size;
        long counted = offset + Math.max(countLimit, size);
        long found = cases.countUpTo(filter, visibility, visibilityArgs, counted);
        boolean broad = found > counted;
        List<CaseView.Summary> content = summaries(
                cases.list(filter, visibility, visibilityArgs, (int) offset, size, broad));
        return broad ? CasePage.moreThan(content, page, size, counted) : CasePage.exact(content, page, size, found);
    }

    /**
     * The first {@code limit} cases of the search with their persons, for an export; {@code total} says how
     * many the search found, so that a cut export can say so.
     */
    public Listing listing(CurrentUser user, CaseFilter filter, int limit) {
        List<Object> visibilityArgs = new ArrayList<>();
        String visibility = CaseVisibility.sqlCondition(user, visibilityArgs);
        List<CaseRecord> records = cases.list(filter, visibility, visibilityArgs, 0, limit);
        long total = records.size() < limit ? records.size() : cases.count(filter, visibility, visibilityArgs);
        Map<String, List<Person>> personsOf = persons.listOf(records.stream().map(CaseRecord::caseNumber).toList());
        List<CaseView.Summary> summaries = summaries(records);
        List<Listing.Row> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            rows.add(new Listing.Row(summaries.get(i), records.get(i).findings(),
                    personsOf.getOrDefault(records.get(i).caseNumber(), List.of()).stream()
                            .map(CaseView.PersonView::of).toList()));
        }
        return new Listing(rows, total);
    }

    /** Cases of a listing, each with the summary the register shows and the persons held accountable. */
    public record Listing(List<Row> rows, long total) {

        public record Row(CaseView.Summary summary, String findings,
                List<CaseView.PersonView> persons) {
        }
    }

    private List<CaseView.Summary> summaries(List<CaseRecord> records) {
        Map<String, OffsetDateTime> due = cases.earliestOpenDueDates(
                records.stream().map(CaseRecord::processInstanceId).toList());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return records.stream().map(r -> CaseView.Summary.of(r, due.get(r.processInstanceId()), now)).toList();
    }

    /** Empty when the case does not exist or the user may not read it (the API answers 404 alike). */
    public Optional<CaseView> detail(CurrentUser user, String caseNumber) {
        return cases.findByNumber(caseNumber)
                .filter(record -> CaseVisibility.canRead(user, record))
                .map(record -> view(record, CaseVisibility.seesReporter(user)));
    }

    /** Whether the case exists and the user may read it. */
    boolean readable(CurrentUser user, String caseNumber) {
        return caseNumber != null
                && cases.findByNumber(caseNumber).filter(record -> CaseVisibility.canRead(user, record)).isPresent();
    }

    private CaseView view(CaseRecord r, boolean withReporter) {
        // Opened only for those entitled to it (CaseVisibility.seesReporter); others never cause a decryption.
        ReporterIdentity identity = withReporter && !r.anonymous() ? seal.open(r.caseNumber(), r.reporterIdentity()) : null;
        CaseView.Reporter reporter = identity == null ? null
                : new CaseView.Reporter(identity.name(), identity.phone(), identity.email());
        return new CaseView(r.caseNumber(), r.title(), r.description(), r.source(), r.unit(), r.personsInvolved(),
                r.anonymous(), reporter, r.problemType(), r.severity(), r.zone(), r.disposal(), r.stage(), r.outcome(),
                r.possibleDuplicateOf(), r.substantiated(), r.findings(), r.responsiblePersons(),
                r.leadershipResponsible(), r.recommendedMeasure(), r.measure(), r.leaderMeasure(), r.typicalCase(),
                r.faultToleranceOutcome(), r.faultToleranceApproved(), r.unitMeasure(), r.inquiryOutcome(),
                r.verificationOutcome(), triageComment(r.processInstanceId()), r.decisionReason(),
                r.faultToleranceReason(), r.correctiveMeasures(), cases.noticeTitle(r.caseNumber()).orElse(null),
                r.defenceRecord(), r.defenceChangesDecision(),
                r.servedOn(), r.handedOverAt(), r.handedOverBy(), persons(r.caseNumber()),
                r.reportedAt(), r.closedAt(), r.verifyDueAt(), openTasks(r.processInstanceId()), timeline(r.processInstanceId()));
    }

    /** The triage comment the record does not keep: the last one triage gave (the engine's history). */
    private String triageComment(String processInstanceId) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableName("triageComment").list().stream().map(v -> v.getValue())
                .filter(v -> v instanceof String text && !text.isBlank()).map(String.class::cast)
                .findFirst().orElse(null);
    }

    /** Shown to whoever may read the case: this view is built only after CaseVisibility allowed it. */
    private List<CaseView.PersonView> persons(String caseNumber) {
        return persons.list(caseNumber).stream().map(CaseView.PersonView::of).toList();
    }

    private List<CaseView.OpenTask> openTasks(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list()
                .stream().map(this::openTask).toList();
    }

    private CaseView.OpenTask openTask(Task task) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        return new CaseView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
                groups, task.getCreateTime(), task.getDueDate());
    }

    private List<CaseView.TimelineEntry> timeline(String processInstanceId) {
        List<CaseView.TimelineEntry> entries = new ArrayList<>();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            if (!onTimeline(activity.getActivityType(), activity.getActivityId())) {
                continue;
            }
            String by = activity.getAssignee();
            String comment = null;
            if (activity.getTaskId() != null) {
                comment = taskService.getTaskComments(activity.getTaskId()).stream()
                        .map(Comment::getFullMessage).reduce((a, b) -> a + "\n" + b).orElse(null);
                if (by == null) {
                    by = historyService.createHistoricTaskInstanceQuery().taskId(activity.getTaskId()).list().stream()
                            .map(HistoricTaskInstance::getAssignee).filter(Objects::nonNull).findFirst().orElse(null);
                }
            }
            entries.add(new CaseView.TimelineEntry(activity.getActivityId(), activity.getActivityName(),
                    activity.getActivityType(), by, activity.getStartTime(), activity.getEndTime(), comment));
        }
        entries.sort(Comparator.comparing(CaseView.TimelineEntry::started));
        return entries;
    }
}
