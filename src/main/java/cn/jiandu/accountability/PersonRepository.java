package cn.jiandu.accountability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The persons of each case (jd_case_person), in the order the case lists them. */
@Repository
public class PersonRepository {

    /** What an earlier case recorded for someone of the same name and unit. */
    record EarlierMeasure(String caseNumber, String stage, String outcome, Measure measure) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PersonRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The case's persons become these, numbered in their order: a step submits the whole list. What
     * was recommended, decided, heard or served for the persons before goes with them, since it was
     * taken for the persons as they were described then.
     */
    public void replace(String caseNumber, List<Person> persons) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("DELETE FROM jd_case_person WHERE case_number = ?", caseNumber);
        int position = 0;
        for (Person p : persons) {
            position++;
            jdbc.update("""
                    INSERT INTO jd_case_person (case_number, position, name, unit, post, level, party_member,
                        public_servant, responsibility, repeat_offence, repeat_offence_proposed, recommended_measure,
                        measure, leader_approval_required, defence_record, served_on, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    caseNumber, position, key(p.name()), key(p.unit()), p.post(), name(p.level()), p.partyMember(),
                    p.publicServant(), name(p.responsibility()), p.repeatOffence(), p.repeatOffenceProposed(),
                    name(p.recommendedMeasure()), name(p.measure()), p.leaderApprovalRequired(), p.defenceRecord(),
                    p.servedOn(), now, now);
        }
    }

    public List<Person> list(String caseNumber) {
        return jdbc.query("SELECT * FROM jd_case_person WHERE case_number = ? ORDER BY position",
                PersonRepository::map, caseNumber);
    }

    /** The persons of several cases at once (an export of the register), each case's in its order. */
    public Map<String, List<Person>> listOf(List<String> caseNumbers) {
        Map<String, List<Person>> byCase = new HashMap<>();
        for (int from = 0; from < caseNumbers.size(); from += 500) {
            List<String> chunk = caseNumbers.subList(from, Math.min(caseNumbers.size(), from + 500));
            jdbc.query("SELECT * FROM jd_case_person WHERE case_number IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY case_number, position",
                    rs -> {
                        byCase.computeIfAbsent(rs.getString("case_number"), n -> new ArrayList<>())
                                .add(map(rs, 0));
                    }, chunk.toArray());
        }
        return byCase;
    }

    /** What Jiandu recommends for the person (the accountability table) and whether leaders must approve. */
    public void recordRecommendation(String caseNumber, int position, Measure recommended,
            boolean leaderApprovalRequired) {
        update(caseNumber, position, "recommended_measure = ?, leader_approval_required = ?", name(recommended),
                leaderApprovalRequired);
    }

    public void recordMeasure(String caseNumber, int position, Measure measure) {
        update(caseNumber, position, "measure = ?", name(measure));
    }

    public void recordDefence(String caseNumber, int position, String defenceRecord) {
        update(caseNumber, position, "defence_record = ?", defenceRecord);
    }

    public void recordService(String caseNumber, int position, LocalDate servedOn) {
        update(caseNumber, position, "served_on = ?", servedOn);
    }

    /** Every measure recorded for this name and unit (trimmed, exact) on cases other than this one. */
    List<EarlierMeasure> earlierMeasures(String name, String unit, String excludingCase) {
        return jdbc.query("""
                SELECT p.case_number, c.stage, c.outcome, p.measure
                FROM jd_case_person p JOIN jd_case c ON c.case_number = p.case_number
                WHERE p.name = ? AND p.unit = ? AND p.case_number <> ? AND p.measure IS NOT NULL
                ORDER BY p.case_number""",
                (rs, row) -> new EarlierMeasure(rs.getString(1), rs.getString(2), rs.getString(3),
                        Measure.valueOf(rs.getString(4))),
                key(name), key(unit), excludingCase);
    }

    private void update(String caseNumber, int position, String assignments, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = OffsetDateTime.now(clock);
        args[values.length + 1] = caseNumber;
        args[values.length + 2] = position;
        int updated = jdbc.update("UPDATE jd_case_person SET " + assignments
                + ", updated_at = ? WHERE case_number = ? AND position = ?", args);
        if (updated != 1) {
            throw new IllegalArgumentException("case " + caseNumber + " has no person " + position);
        }
    }

    /** Names and units as they are compared: without the spaces around them, full-width ones included. */
    static String key(String text) {
        return text == null ? null : text.strip();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Person map(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getInt("position"), rs.getString("name"), rs.getString("unit"), rs.getString("post"),
                value(CadreLevel.class, rs.getString("level")), bool(rs, "party_member"), bool(rs, "public_servant"),
                value(Responsibility.class, rs.getString("responsibility")), bool(rs, "repeat_offence"),
                bool(rs, "repeat_offence_proposed"), value(Measure.class, rs.getString("recommended_measure")),
                value(Measure.class, rs.getString("measure")), bool(rs, "leader_approval_required"),
                rs.getString("defence_record"), rs.getObject("served_on", LocalDate.class));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
