package cn.jiandu.cases;

import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.identity.CurrentUser;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case as other features read it to write about it (documents/: the commission's documents and the
 * dossier): the record, its persons, the timeline, what the steps noted that the record does not keep,
 * and the hand-over — only when {@link CaseVisibility} lets the user read the case, exactly as
 * GET /api/cases/{caseNumber} does.
 */
@Service
@Transactional(readOnly = true)
public class CaseFiles {

    /** Variables a step enters for the documents only: the record keeps no column for them. */
    static final List<String> NOTES = List.of("triageComment", "inquiryRecord");

    /**
     * Everything a document may cite. {@code record} holds the reporter's identity too: documents leave it
     * out, as the API shows it only to those entitled to it.
     */
    public record CaseFile(CaseRecord record, List<Person> persons, List<Step> timeline, Map<String, String> notes,
            Optional<HandOver> handOver) {

        /** The last finished step of this id (a step sent back and done again counts once, as last done). */
        public Optional<Step> finished(String activityId) {
            return timeline.stream().filter(s -> s.activityId().equals(activityId) && s.ended() != null)
                    .reduce((first, second) -> second);
        }

        public boolean reached(String activityId) {
            return timeline.stream().anyMatch(s -> s.activityId().equals(activityId));
        }
    }

    /** One step of the timeline: who did it, when, and the comment left on it (an approval's opinion). */
    public record Step(String activityId, String name, String type, String by, Date started, Date ended,
            String comment) {
    }

    /** The row of jd_case_handover: findings and persons (JSON) as handed over for filing. */
    public record HandOver(String findings, String personsJson, String approvedBy, OffsetDateTime handedOverAt) {
    }

    private final CaseQueries queries;
    private final CaseRepository cases;
    private final PersonRepository persons;
    private final HistoryService history;
    private final JdbcTemplate jdbc;

    CaseFiles(CaseQueries queries, CaseRepository cases, PersonRepository persons, HistoryService history,
            JdbcTemplate jdbc) {
        this.queries = queries;
        this.cases = cases;
        this.persons = persons;
        this.history = history;
        this.jdbc = jdbc;
    }

    /** Empty when the case does not exist or the user may not read it (answered 404 alike). */
    public Optional<CaseFile> readable(CurrentUser user, String caseNumber) {
        return queries.detail(user, caseNumber).flatMap(view -> cases.findByNumber(caseNumber).map(record ->
                new CaseFile(record, persons.list(caseNumber), view.timeline().stream().map(CaseFiles::step).toList(),
                        notes(record.processInstanceId()), handOver(caseNumber))));
    }

    private static Step step(CaseView.TimelineEntry e) {
        return new Step(e.activityId(), e.activityName(), e.type(), e.by(), e.started(), e.ended(), e.comment());
    }

    private Map<String, String> notes(String processInstanceId) {
        Map<String, String> notes = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId).variableNameIn(NOTES.toArray(String[]::new)).list()) {
            if (variable.getValue() instanceof String text && !text.isBlank()) {
                notes.put(variable.getName(), text);
            }
        }
        return notes;
    }

    private Optional<HandOver> handOver(String caseNumber) {
        return jdbc.query("""
                SELECT findings, persons, approved_by, handed_over_at FROM jd_case_handover WHERE case_number = ?""",
                (rs, row) -> new HandOver(rs.getString("findings"), rs.getString("persons"),
                        rs.getString("approved_by"), rs.getObject("handed_over_at", OffsetDateTime.class)),
                caseNumber).stream().findFirst();
    }
}
