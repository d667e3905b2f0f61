package cn.jiandu.rectification;

import cn.jiandu.identity.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads rectifications for those who may see them (RectificationVisibility); the only public read API. */
@Service
public class RectificationQueries {

    private static final String COLUMNS = """
            id, rectification_number, origin, mode, case_number, inspection_id, zone, unit, unit_kind, problem_type,
            summary, state, notice_issued_on, notice_issued_by, requirements, responsible_person, responsible_post,
            deadline, first_deadline, reported_on, report_summary, check_result, check_reason, checked_on,
            returned_count, follow_up_due, follow_up_on, follow_up_mode, follow_up_result, follow_up_findings,
            escalated_case_number, created_at, completed_at""";

    private static final int STATES_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RectificationQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One rectification by number; empty when it does not exist or the reader may not see it. */
    public Optional<RectificationView> find(CurrentUser reader, String rectificationNumber) {
        return read("WHERE rectification_number = ?", rectificationNumber).stream()
                .filter(r -> RectificationVisibility.canRead(reader, r.zone())).findFirst();
    }

    /**
     * The rectifications of a case (its decision's or exemption's) and those escalated to it, oldest first.
     * The caller has already checked that the reader may see the case.
     */
    public List<RectificationView> ofCase(String caseNumber) {
        return read("WHERE case_number = ? OR escalated_case_number = ? ORDER BY id", caseNumber, caseNumber);
    }

    /** Every rectification of a unit (exact name) the reader may see, newest first. */
    public List<RectificationView> ofUnit(CurrentUser reader, String unit) {
        return read("WHERE unit = ? ORDER BY id DESC", unit).stream()
                .filter(r -> RectificationVisibility.canRead(reader, r.zone())).toList();
    }

    /**
     * The state of each listed case's own rectifications in a few words (整改中（已逾期）, 整改完成; several joined
     * by 、), for the register's column: one indexed look-up per 500 cases, no items or events read. Cases
     * without a rectification are absent. The caller has already checked that the reader may see the cases.
     */
    public Map<String, String> statesOfCases(Collection<String> caseNumbers) {
        LocalDate today = LocalDate.now(clock);
        Map<String, StringJoiner> states = new LinkedHashMap<>();
        List<String> numbers = List.copyOf(caseNumbers);
        for (int from = 0; from < numbers.size(); from += STATES_BATCH) {
            List<String> batch = numbers.subList(from, Math.min(numbers.size(), from + STATES_BATCH));
            jdbc.query("SELECT case_number, state, deadline FROM jd_rectification WHERE case_number IN ("
                    + String.join(", ", java.util.Collections.nCopies(batch.size(), "?")) + ") ORDER BY id", rs -> {
                        RectificationState state = RectificationState.valueOf(rs.getString("state"));
                        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                        boolean overdue = state == RectificationState.RECTIFYING && deadline != null
                                && deadline.isBefore(today);
                        states.computeIfAbsent(rs.getString("case_number"), n -> new StringJoiner("、"))
                                .add(state.label() + (overdue ? "（已逾期）" : ""));
                    }, batch.toArray());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        states.forEach((number, text) -> texts.put(number, text.toString()));
        return texts;
    }

    /** One rectification by number, for Jiandu's own steps (no reader: the caller has checked or needs none). */
    Optional<RectificationView> byNumber(String rectificationNumber) {
        return read("WHERE rectification_number = ?", rectificationNumber).stream().findFirst();
    }

    /** Whether the reader may see a rectification of this zone. */
    public boolean canRead(CurrentUser reader, String zone) {
        return RectificationVisibility.canRead(reader, zone);
    }

    private List<RectificationView> read(String where, Object... args) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("SELECT " + COLUMNS + " FROM jd_rectification " + where, (rs, n) -> view(rs, today), args);
    }

    private RectificationView view(ResultSet rs, LocalDate today) throws SQLException {
        long id = rs.getLong("id");
        RectificationState state = RectificationState.valueOf(rs.getString("state"));
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        boolean overdue = state == RectificationState.RECTIFYING && deadline != null && deadline.isBefore(today);
        List<String> items = jdbc.queryForList(
                "SELECT content FROM jd_rectification_item WHERE rectification_id = ? ORDER BY position", String.class,
                id);
        List<RectificationView.Event> events = jdbc.query("""
                SELECT kind, happened_at, actor, deadline, result, note FROM jd_rectification_event
                WHERE rectification_id = ? ORDER BY id""", (e, m) -> new RectificationView.Event(e.getString("kind"),
                time(e, "happened_at"), e.getString("actor"), e.getObject("deadline", LocalDate.class),
                e.getString("result"), e.getString("note")), id);
        Long inspectionId = rs.getObject("inspection_id") == null ? null : rs.getLong("inspection_id");
        return new RectificationView(rs.getString("rectification_number"),
                RectificationOrigin.valueOf(rs.getString("origin")), rs.getString("mode"), rs.getString("case_number"),
                inspectionId, rs.getString("zone"), rs.getString("unit"), rs.getString("unit_kind"),
                rs.getString("problem_type"), rs.getString("summary"), state,
                rs.getObject("notice_issued_on", LocalDate.class), rs.getString("notice_issued_by"),
                rs.getString("requirements"), rs.getString("responsible_person"), rs.getString("responsible_post"),
                deadline, rs.getObject("first_deadline", LocalDate.class), overdue,
                rs.getObject("reported_on", LocalDate.class), rs.getString("report_summary"),
                rs.getString("check_result"), rs.getString("check_reason"), rs.getObject("checked_on", LocalDate.class),
                rs.getInt("returned_count"), rs.getObject("follow_up_due", LocalDate.class),
                rs.getObject("follow_up_on", LocalDate.class), rs.getString("follow_up_mode"),
                rs.getString("follow_up_result"), rs.getString("follow_up_findings"),
                rs.getString("escalated_case_number"), time(rs, "created_at"), time(rs, "completed_at"), items, events);
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
