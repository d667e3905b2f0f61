package cn.jiandu.cases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Jiandu's table of cases (jd_case). */
@Repository
public class CaseRepository {

    /** Process variables that a step decides and the record keeps, by their column. */
    static final Map<String, String> RECORDED_VARIABLES = Map.ofEntries(
            Map.entry("problemType", "problem_type"),
            Map.entry("severity", "severity"),
            Map.entry("zone", "zone"),
            Map.entry("disposal", "disposal"),
            Map.entry("substantiated", "substantiated"),
            Map.entry("findings", "findings"),
            Map.entry("responsiblePersons", "responsible_persons"),
            Map.entry("leadershipResponsible", "leadership_responsible"),
            Map.entry("emergencyAction", "emergency_action"),
            Map.entry("faultToleranceRequested", "fault_tolerance_requested"),
            Map.entry("repeatOffence", "repeat_offence"),
            Map.entry("recommendedMeasure", "recommended_measure"),
            Map.entry("measure", "measure"),
            Map.entry("leaderMeasure", "leader_measure"),
            Map.entry("typicalCase", "typical_case"),
            Map.entry("decisionReason", "decision_reason"),
            Map.entry("faultToleranceOutcome", "fault_tolerance_outcome"),
            Map.entry("faultToleranceReason", "fault_tolerance_reason"),
            Map.entry("faultToleranceApproved", "fault_tolerance_approved"),
            // Route version 2.
            Map.entry("inquiryOutcome", "inquiry_outcome"),
            Map.entry("verificationOutcome", "verification_outcome"),
            Map.entry("ftPublicInterest", "ft_public_interest"),
            Map.entry("ftWithinProcedure", "ft_within_procedure"),
            Map.entry("ftNoPersonalGain", "ft_no_personal_gain"),
            Map.entry("ftNoProhibitionBroken", "ft_no_prohibition_broken"),
            Map.entry("ftLossRemedied", "ft_loss_remedied"),
            Map.entry("correctiveMeasures", "corrective_measures"),
            Map.entry("unitMeasure", "unit_measure"),
            Map.entry("defenceRecord", "defence_record"),
            Map.entry("defenceChangesDecision", "defence_changes_decision"));

    /**
     * The facts a keyword is searched in, as the PostgreSQL indexes jd_ix_case_facts_bigrams (V13) and
     * jd_ix_case_facts_unigrams (V17) have them.
     */
    static final String FACTS = "title || ' ' || description || ' ' || coalesce(findings, '')";

    private static final Set<String> FILTER_COLUMNS = Set.of("stage", "zone", "problem_type", "source", "outcome");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReporterSeal seal;
    /** PostgreSQL has the register's text indexes (db/vendor/postgresql/V13); H2 has none. */
    private final boolean postgres;

    CaseRepository(JdbcTemplate jdbc, Clock clock, ReporterSeal seal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.seal = seal;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((Connection connection) ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
    }

    /** The title of the published bulletin that names the case (通报曝光), if one does. */
    Optional<String> noticeTitle(String caseNumber) {
        return jdbc.query("""
                SELECT b.title FROM jd_bulletin b JOIN jd_bulletin_case bc ON bc.bulletin_id = b.id
                WHERE bc.case_number = ? AND b.published_at IS NOT NULL ORDER BY b.published_at DESC""",
                (rs, row) -> rs.getString(1), caseNumber).stream().findFirst();
    }

    /** Stores a new case; the reporter's identity only sealed, and none at all for an anonymous report. */
    void insert(NewCase c) {
        ReporterSeal.Sealed sealed = c.anonymous() ? null : seal.seal(c.caseNumber(), c.reporter());
        jdbc.update("""
                INSERT INTO jd_case (case_number, process_instance_id, title, description, source, unit,
                    persons_involved, anonymous, reporter_identity, reporter_key_id, reported_by,
                    problem_type, zone, stage, possible_duplicate_of, idempotency_key, request_hash,
                    reported_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.caseNumber(), c.processInstanceId(), c.title(), c.description(), c.source(), c.unit(),
                c.personsInvolved(), c.anonymous(), sealed == null ? null : sealed.sealed(),
                sealed == null ? null : sealed.keyId(),
                c.reportedBy(), c.problemType(), c.zone(), CaseStage.REGISTERED.name(), c.possibleDuplicateOf(),
                c.idempotencyKey(), c.requestHash(), c.reportedAt(), c.reportedAt());
    }

    public Optional<CaseRecord> findByNumber(String caseNumber) {
        return jdbc.query("SELECT * FROM jd_case WHERE case_number = ?", ROW, caseNumber).stream().findFirst();
    }

    /** The case this reporter sent with this key (unique per reporter since V7). */
    Optional<CaseRecord> findByIdempotencyKey(String reportedBy, String key) {
        return jdbc.query("SELECT * FROM jd_case WHERE reported_by = ? AND idempotency_key = ?", ROW, reportedBy, key)
                .stream().findFirst();
    }

    Optional<String> findOpenDuplicate(String unit, String problemType, String title) {
        List<String> numbers = jdbc.queryForList("""
                SELECT case_number FROM jd_case
                WHERE stage <> 'CLOSED' AND LOWER(unit) = LOWER(?)
                  AND (problem_type = ? OR LOWER(title) = LOWER(?))
                ORDER BY reported_at DESC""", String.class, unit.trim(), problemType, title.trim());
        return numbers.stream().findFirst();
    }

    void updateStage(String caseNumber, CaseStage stage) {
        jdbc.update("UPDATE jd_case SET stage = ?, updated_at = ? WHERE case_number = ?",
                stage.name(), OffsetDateTime.now(clock), caseNumber);
    }

    void updateVerifyDueAt(String caseNumber, OffsetDateTime dueAt) {
        jdbc.update("UPDATE jd_case SET verify_due_at = ?, updated_at = ? WHERE case_number = ?",
                dueAt, OffsetDateTime.now(clock), caseNumber);
    }

    /** A new verification period: its due date, and no extension granted in it yet. */
    void startVerification(String caseNumber, OffsetDateTime dueAt) {
        jdbc.update("UPDATE jd_case SET verify_due_at = ?, verify_extended_at = NULL, updated_at = ? WHERE case_number = ?",
                dueAt, OffsetDateTime.now(clock), caseNumber);
    }

    /** Leaders extended the verification period (once at most: see VerificationExtension). */
    void extendVerification(String caseNumber, OffsetDateTime dueAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("UPDATE jd_case SET verify_due_at = ?, verify_extended_at = ?, updated_at = ? WHERE case_number = ?",
                dueAt, now, now, caseNumber);
    }

    void recordService(String caseNumber, LocalDate servedOn) {
        jdbc.update("UPDATE jd_case SET served_on = ?, updated_at = ? WHERE case_number = ?",
                servedOn, OffsetDateTime.now(clock), caseNumber);
    }

    /** The hand-over of a case filed for investigation: its row in jd_case_handover and the record's mark. */
    void recordHandOver(String caseNumber, String findings, String personsJson, String approvedBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("""
                INSERT INTO jd_case_handover (case_number, findings, persons, approved_by, handed_over_at)
                VALUES (?, ?, ?, ?, ?)""", caseNumber, findings, personsJson, approvedBy, now);
        jdbc.update("UPDATE jd_case SET handed_over_at = ?, handed_over_by = ?, updated_at = ? WHERE case_number = ?",
                now, approvedBy, now, caseNumber);
    }

    /** Writes the recorded variables among those given; others are ignored. */
    void recordDecisions(String caseNumber, Map<String, Object> variables) {
        StringJoiner assignments = new StringJoiner(", ");
        List<Object> values = new ArrayList<>();
        variables.forEach((name, value) -> {
            String column = RECORDED_VARIABLES.get(name);
            if (column != null) {
                assignments.add(column + " = ?");
                values.add(value);
            }
        });
        if (values.isEmpty()) {
            return;
        }
        values.add(OffsetDateTime.now(clock));
        values.add(caseNumber);
        jdbc.update("UPDATE jd_case SET " + assignments + ", updated_at = ? WHERE case_number = ?", values.toArray());
    }

    void close(String caseNumber, CaseOutcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("UPDATE jd_case SET stage = ?, outcome = ?, closed_at = ?, updated_at = ? WHERE case_number = ?",
                CaseStage.CLOSED.name(), outcome.name(), now, now, caseNumber);
    }

    List<CaseRecord> list(CaseFilter filter, String visibility, List<Object> visibilityArgs, int offset, int limit) {
        return list(filter, visibility, visibilityArgs, offset, limit, false);
    }

    /**
     * One page of the search. {@code broad}: the search is known to find many cases (more than a count limit), so a
     * person is looked for case by case in the page's order, which stops at the page, instead of collecting every
     * case of every match first (8,000 cases for the surname 李 at 100,000 cases); for few matches that would read
     * the whole register.
     */
    List<CaseRecord> list(CaseFilter filter, String visibility, List<Object> visibilityArgs, int offset, int limit,
            boolean broad) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, visibility, visibilityArgs, args, broad);
        args.add(limit);
        args.add((long) offset);
        return jdbc.query("SELECT * FROM jd_case" + where + " ORDER BY " + filter.sort().orderBy() + " LIMIT ? OFFSET ?",
                ROW, args.toArray());
    }

    /**
     * How many cases match, counting no further than {@code atMost + 1}: a broad search costs as much as a narrow
     * one, and a result above {@code atMost} means "more than atMost".
     */
    long countUpTo(CaseFilter filter, String visibility, List<Object> visibilityArgs, long atMost) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, visibility, visibilityArgs, args, false);
        args.add(atMost + 1);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM jd_case" + where + " LIMIT ?) matches",
                Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /**
     * The rest of this transaction runs without parallel workers. The register's statements stop at a page or a
     * count limit: starting and stopping workers cost more than they save (at 100,000 cases on two cores, 50–100
     * ms of a 120 ms count of which the scan itself took 3 ms).
     */
    void withoutParallelWorkers() {
        if (postgres) {
            jdbc.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
    }

    long count(CaseFilter filter, String visibility, List<Object> visibilityArgs) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, visibility, visibilityArgs, args, false);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM jd_case" + where, Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** The earliest due date of each case's open tasks, by process instance (cases without a due date are absent). */
    Map<String, OffsetDateTime> earliestOpenDueDates(List<String> processInstanceIds) {
        Map<String, OffsetDateTime> due = new HashMap<>();
        List<String> ids = processInstanceIds.stream().filter(java.util.Objects::nonNull).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("SELECT PROC_INST_ID_, MIN(DUE_DATE_) AS DUE FROM ACT_RU_TASK WHERE DUE_DATE_ IS NOT NULL"
                            + " AND PROC_INST_ID_ IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                            + ") GROUP BY PROC_INST_ID_",
                    rs -> {
                        Timestamp at = rs.getTimestamp("DUE");
                        due.put(rs.getString("PROC_INST_ID_"), at.toInstant().atZone(clock.getZone()).toOffsetDateTime());
                    }, chunk.toArray());
        }
        return due;
    }

    private String where(CaseFilter filter, String visibility, List<Object> visibilityArgs, List<Object> args,
            boolean broad) {
        StringJoiner conditions = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        filter.columns().forEach((column, value) -> {
            if (!FILTER_COLUMNS.contains(column)) {
                throw new IllegalArgumentException("not a filter column: " + column);
            }
            conditions.add(column + " = ?");
            args.add(value);
        });
        if (filter.reportedFrom() != null) {
            conditions.add("reported_at >= ?");
            args.add(filter.reportedFromIn(clock.getZone()));
        }
        if (filter.reportedTo() != null) {
            conditions.add("reported_at < ?");
            args.add(filter.reportedBeforeIn(clock.getZone()));
        }
        // Text is found wherever it stands ("contains"), case-insensitively; on PostgreSQL from the indexes of
        // db/vendor/postgresql/V13 and V17, on H2 (the embedded demonstration database) by reading the rows.
        if (filter.caseNumber() != null) {
            conditions.add("case_number ILIKE ? ESCAPE '\\'");
            args.add(contains(filter.caseNumber()));
        }
        if (filter.unit() != null) {
            conditions.add(containsCondition("unit", filter.unit(), args));
        }
        if (filter.person() != null && broad) {
            // Each case in turn: its own text by the exact test alone (no index serves a row at a time, and the
            // character function would run for every row read), the persons of all cases once from their index.
            args.add(contains(filter.person()));
            conditions.add("(persons_involved " + like(filter.person()) + " ? ESCAPE '\\'"
                    + " OR case_number IN (SELECT case_number FROM jd_case_person WHERE "
                    + containsCondition("name", filter.person(), args) + "))");
        } else if (filter.person() != null) {
            // A union rather than an OR, so that each side can use its own index.
            conditions.add("case_number IN (SELECT case_number FROM jd_case_person WHERE "
                    + containsCondition("name", filter.person(), args)
                    + " UNION SELECT case_number FROM jd_case WHERE "
                    + containsCondition("persons_involved", filter.person(), args) + ")");
        }
        if (filter.keyword() != null) {
            String keyword = contains(filter.keyword());
            String like = like(filter.keyword());
            String matches = "(title " + like + " ? ESCAPE '\\' OR description " + like + " ? ESCAPE '\\' OR findings "
                    + like + " ? ESCAPE '\\')";
            String grams = grams(filter.keyword());
            if (grams != null) {
                conditions.add(grams + "(" + FACTS + ") @> " + grams + "(?) AND " + matches);
                args.add(filter.keyword());
            } else {
                conditions.add(matches);
            }
            args.add(keyword);
            args.add(keyword);
            args.add(keyword);
        }
        if (filter.overdue() != null) {
            // Overdue: a step of the case (an open task) is past its due date. The verification period
            // (verify_due_at) is the due date of verifyCase, so it counts through the task.
            conditions.add((filter.overdue() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM ACT_RU_TASK t"
                    + " WHERE t.PROC_INST_ID_ = jd_case.process_instance_id AND t.DUE_DATE_ < ?)");
            args.add(Timestamp.from(clock.instant()));
        }
        if (visibility != null) {
            conditions.add(visibility);
            args.addAll(visibilityArgs);
        }
        return conditions.toString();
    }

    /**
     * "column contains text": on PostgreSQL first the column's character pairs (its bigram index) or, for one
     * character, its characters (its unigram index), then the exact test; both are lower-cased as ILIKE compares.
     */
    private String containsCondition(String column, String text, List<Object> args) {
        String exact = column + " " + like(text) + " ? ESCAPE '\\'";
        String grams = grams(text);
        if (grams == null) {
            args.add(contains(text));
            return exact;
        }
        args.add(text);
        args.add(contains(text));
        return "(" + grams + "(" + column + ") @> " + grams + "(?) AND " + exact + ")";
    }

    /**
     * ILIKE, or LIKE for text without upper and lower case (Chinese, digits, signs): the same hits, and LIKE
     * compares bytes where PostgreSQL's ILIKE lower-cases every row's text first, several times the cost per row.
     */
    private static String like(String text) {
        return text.toLowerCase(Locale.ROOT).equals(text.toUpperCase(Locale.ROOT)) ? "LIKE" : "ILIKE";
    }

    /**
     * The function whose GIN indexes find this text on PostgreSQL: jd_bigrams (V13) for two characters or more,
     * jd_unigrams (V17) for one; null on H2, which reads the rows.
     */
    private String grams(String text) {
        if (!postgres) {
            return null;
        }
        return text.codePointCount(0, text.length()) >= 2 ? "jd_bigrams" : "jd_unigrams";
    }

    /** A LIKE pattern that finds the text itself: the user's % and _ are no wildcards. */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static final RowMapper<CaseRecord> ROW = CaseRepository::map;

    private static CaseRecord map(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(
                rs.getString("case_number"), rs.getString("process_instance_id"), rs.getString("title"),
                rs.getString("description"), rs.getString("source"), rs.getString("unit"),
                rs.getString("persons_involved"), rs.getBoolean("anonymous"), sealed(rs),
                rs.getString("reported_by"),
                rs.getString("problem_type"), rs.getString("severity"), rs.getString("zone"),
                rs.getString("disposal"), rs.getString("stage"), rs.getString("outcome"),
                rs.getString("possible_duplicate_of"), bool(rs, "substantiated"), rs.getString("findings"),
                rs.getString("responsible_persons"), bool(rs, "leadership_responsible"), bool(rs, "emergency_action"),
                bool(rs, "fault_tolerance_requested"), bool(rs, "repeat_offence"), rs.getString("recommended_measure"),
                rs.getString("measure"), rs.getString("leader_measure"), bool(rs, "typical_case"),
                rs.getString("decision_reason"), rs.getString("fault_tolerance_outcome"),
                rs.getString("fault_tolerance_reason"), bool(rs, "fault_tolerance_approved"),
                rs.getString("unit_measure"), rs.getObject("verify_due_at", OffsetDateTime.class),
                rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("idempotency_key"), rs.getString("request_hash"),
                rs.getString("inquiry_outcome"), rs.getString("verification_outcome"), bool(rs, "ft_public_interest"),
                bool(rs, "ft_within_procedure"), bool(rs, "ft_no_personal_gain"), bool(rs, "ft_no_prohibition_broken"),
                bool(rs, "ft_loss_remedied"), rs.getString("corrective_measures"), rs.getString("defence_record"),
                bool(rs, "defence_changes_decision"), rs.getObject("served_on", LocalDate.class),
                rs.getObject("verify_extended_at", OffsetDateTime.class),
                rs.getObject("handed_over_at", OffsetDateTime.class), rs.getString("handed_over_by"));
    }

    private static ReporterSeal.Sealed sealed(ResultSet rs) throws SQLException {
        String sealed = rs.getString("reporter_identity");
        return sealed == null ? null : new ReporterSeal.Sealed(rs.getString("reporter_key_id"), sealed);
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
