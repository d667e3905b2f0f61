package cn.jiandu.appeals;

import cn.jiandu.accountability.CadreLevel;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases as the appeal meets them, written straight into the record: an appeal starts long after its
 * case's process, so driving supervisionCase to service would test that process, not this one.
 */
final class DecidedCases {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 50_000) + 40_000);

    private final JdbcTemplate jdbc;
    private final PersonRepository persons;

    DecidedCases(JdbcTemplate jdbc, PersonRepository persons) {
        this.jdbc = jdbc;
        this.persons = persons;
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** A closed case whose persons were decided on and served on the given day; the second is a leader. */
    String caseServedOn(LocalDate servedOn, Measure first, Measure second) {
        String number = "JD-2026-" + NEXT.incrementAndGet();
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, stage, outcome,
                    reported_at, updated_at)
                VALUES (?, '某社区卡口无人值守', '夜间卡口无人值守，未测体温', 'HOTLINE', '幸福社区', FALSE, 'CLOSED',
                    'ACCOUNTABILITY', ?, ?)""", number, now, now);
        persons.replace(number, List.of(
                Person.entered(1, "张三", "幸福社区", "网格员", CadreLevel.SECTION_OR_BELOW, true, false,
                        Responsibility.DIRECT, false),
                Person.entered(2, "李四", "幸福社区", "社区书记", CadreLevel.SECTION_OR_BELOW, true, true,
                        Responsibility.PRINCIPAL_LEADERSHIP, false)));
        persons.recordMeasure(number, 1, first);
        persons.recordMeasure(number, 2, second);
        persons.recordService(number, 1, servedOn);
        persons.recordService(number, 2, servedOn);
        return number;
    }

    void publishNotice(String caseNumber) {
        jdbc.update("""
                INSERT INTO jd_notice (case_number, title, body, unit, measure, approved_by, published_at)
                VALUES (?, '关于幸福社区疫情防控不力问题的通报', '通报正文', '幸福社区', 'CIRCULATED_CRITICISM', 'leader1', ?)""",
                caseNumber, OffsetDateTime.now(SHANGHAI));
    }

    Measure measureOf(String caseNumber, int position) {
        return persons.list(caseNumber).get(position - 1).measure();
    }
}
