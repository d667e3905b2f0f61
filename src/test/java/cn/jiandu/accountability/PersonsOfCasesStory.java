package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persons of cases in Jiandu's record, told on each database Jiandu runs on (the subclasses): a
 * case's list replaced as a step submits it, each person's recommendation, measure, defence and
 * service recorded, and repeat offence proposed from earlier cases. Each test runs in a transaction
 * that is rolled back: declared here, since the subclasses' @JdbcTest does not reach methods declared here.
 */
@Transactional
abstract class PersonsOfCasesStory {

    static final String EARLIER = "JD-2025-00011";
    static final String NEW = "JD-2026-00007";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonRepository persons;
    @Autowired
    RepeatOffences repeatOffences;

    @Test
    void aPersonAdmonishedInAnEarlierCaseIsProposedAsRepeatOffenderInANewCaseOfTheSameUnit() {
        kase(EARLIER, "CLOSED", "ACCOUNTABILITY");
        persons.replace(EARLIER, List.of(person(1, "王建国", "幸福社区居委会", Responsibility.PRINCIPAL_LEADERSHIP),
                person(2, "李明", "幸福社区居委会", Responsibility.DIRECT)));
        persons.recordMeasure(EARLIER, 1, Measure.ADMONISHMENT);
        persons.recordMeasure(EARLIER, 2, Measure.NONE);

        kase(NEW, "VERIFICATION", null);
        List<Person> entered = List.of(person(1, " 王建国", "幸福社区居委会　", Responsibility.DIRECT),
                person(2, "王建国", "阳光社区居委会", Responsibility.DIRECT),
                person(3, "李明", "幸福社区居委会", Responsibility.DIRECT));
        persons.replace(NEW, repeatOffences.propose(NEW, entered));

        assertThat(persons.list(NEW)).extracting(Person::name, Person::unit, Person::repeatOffenceProposed)
                .as("admonished before; a namesake in another unit; not held accountable (NONE) before")
                .containsExactly(tuple("王建国", "幸福社区居委会", true), tuple("王建国", "阳光社区居委会", false),
                        tuple("李明", "幸福社区居委会", false));
        assertThat(repeatOffences.heldAccountableBefore(NEW, entered.get(0))).containsExactly(EARLIER);
    }

    @Test
    void onlyAMeasureThatStandsOnAnotherCaseMakesARepeatOffence() {
        kase("JD-2025-00001", "NOTICE", null);
        kase("JD-2025-00002", "APPROVAL", null);
        kase("JD-2025-00003", "CLOSED", "EXEMPTED");
        for (String number : List.of("JD-2025-00001", "JD-2025-00002", "JD-2025-00003")) {
            persons.replace(number, List.of(person(1, "赵刚", "城南农贸市场", Responsibility.DIRECT)));
            persons.recordMeasure(number, 1, Measure.CIRCULATED_CRITICISM);
        }
        kase(NEW, "DECISION", null);
        Person zhao = person(1, "赵刚", "城南农贸市场", Responsibility.DIRECT);
        persons.replace(NEW, List.of(zhao));
        persons.recordMeasure(NEW, 1, Measure.ADMONISHMENT);

        assertThat(repeatOffences.heldAccountableBefore(NEW, zhao))
                .as("decided and awaiting the notice: yes; awaiting leaders: no; exempted: no; this case: no")
                .containsExactly("JD-2025-00001");
    }

    @Test
    void aStepReplacesTheWholeListAndEachPersonsDecisionsAreRecordedOneByOne() {
        kase(NEW, "VERIFICATION", null);
        persons.replace(NEW, List.of(person(1, "王建国", "幸福社区居委会", Responsibility.PRINCIPAL_LEADERSHIP),
                person(2, "李明", "幸福社区居委会", Responsibility.DIRECT)));

        persons.recordRecommendation(NEW, 2, Measure.ADMONISHMENT, true);
        persons.recordMeasure(NEW, 2, Measure.ORDERED_INSPECTION);
        persons.recordDefence(NEW, 2, "对核查认定的事实无异议，请求从轻处理。");
        persons.recordService(NEW, 2, LocalDate.of(2026, 3, 5));

        Person officer = persons.list(NEW).get(1);
        assertThat(officer.recommendedMeasure()).isEqualTo(Measure.ADMONISHMENT);
        assertThat(officer.leaderApprovalRequired()).isTrue();
        assertThat(officer.measure()).isEqualTo(Measure.ORDERED_INSPECTION);
        assertThat(officer.defenceRecord()).isEqualTo("对核查认定的事实无异议，请求从轻处理。");
        assertThat(officer.servedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(officer.level()).isEqualTo(CadreLevel.SECTION_OR_BELOW);
        assertThat(officer.partyMember()).isTrue();
        assertThat(officer.publicServant()).isNull();
        assertThat(persons.list(NEW).get(0).measure()).as("the other person's decision is their own").isNull();

        persons.replace(NEW, List.of(person(7, "李明", "幸福社区居委会", Responsibility.IMPORTANT_LEADERSHIP)));

        assertThat(persons.list(NEW)).singleElement().satisfies(p -> {
            assertThat(p.position()).as("numbered in the order submitted").isEqualTo(1);
            assertThat(p.responsibility()).isEqualTo(Responsibility.IMPORTANT_LEADERSHIP);
            assertThat(p.measure()).as("decided for the person as described before").isNull();
        });
        assertThatThrownBy(() -> persons.recordMeasure(NEW, 2, Measure.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no person 2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM jd_case_person WHERE created_at IS NULL"
                + " OR updated_at IS NULL", Integer.class)).isZero();
    }

    private static Person person(int position, String name, String unit, Responsibility responsibility) {
        return Person.entered(position, name, unit, "干部", CadreLevel.SECTION_OR_BELOW, true, null, responsibility,
                false);
    }

    private void kase(String number, String stage, String outcome) {
        OffsetDateTime reported = OffsetDateTime.parse("2025-03-03T09:00:00+08:00");
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, stage, outcome,
                    reported_at, updated_at)
                VALUES (?, '社区防控不力', '出入口无人值守', 'HOTLINE', '幸福社区', FALSE, ?, ?, ?, ?)""",
                number, stage, outcome, reported, reported);
    }
}
