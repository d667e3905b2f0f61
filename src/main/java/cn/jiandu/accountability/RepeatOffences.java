package cn.jiandu.accountability;

import cn.jiandu.accountability.PersonRepository.EarlierMeasure;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Proposes repeat offence (屡犯) from the record instead of someone's memory: a person of the same
 * name and unit (trimmed, compared exactly) held accountable in another case before. Only proposed:
 * the officer confirms it (repeatOffence) and both are kept. A namesake in another unit is not proposed.
 */
@Component
public class RepeatOffences {

    /**
     * Stages (docs/route.md) of an open case whose decision leaders approved or did not need to, so that
     * it stands. Route version 1: FAULT_TOLERANCE (after the decision; exemption closes the case as
     * EXEMPTED) and NOTICE. Route version 2: SERVICE and NOTICE; its DEFENCE and APPROVAL still lie before
     * case-review and leaders, and its FAULT_TOLERANCE comes before any measure. Named here, not taken
     * from cases.CaseStage: the case feature depends on this one, not the reverse.
     */
    static final Set<String> DECIDED_STAGES = Set.of("FAULT_TOLERANCE", "SERVICE", "NOTICE");

    private final PersonRepository persons;

    RepeatOffences(PersonRepository persons) {
        this.persons = persons;
    }

    /** The persons of this case, each with whether Jiandu proposes repeat offence for them. */
    public List<Person> propose(String caseNumber, List<Person> entered) {
        return entered.stream()
                .map(p -> p.withRepeatOffenceProposed(!heldAccountableBefore(caseNumber, p).isEmpty()))
                .toList();
    }

    /** The earlier cases in which this person was held accountable, to say why repeat offence is proposed. */
    public List<String> heldAccountableBefore(String caseNumber, Person person) {
        if (person.name() == null || person.unit() == null) {
            return List.of();
        }
        return persons.earlierMeasures(person.name(), person.unit(), caseNumber).stream()
                .filter(RepeatOffences::heldAccountable).map(EarlierMeasure::caseNumber).distinct().toList();
    }

    /**
     * Whether an earlier record held the person accountable: a measure other than NONE, on a case
     * closed with accountability or decided and not yet closed. A measure still open to case review or
     * leaders, or one the person was exempted from, holds nobody accountable.
     */
    static boolean heldAccountable(EarlierMeasure earlier) {
        if (earlier.measure() == null || earlier.measure() == Measure.NONE) {
            return false;
        }
        if ("CLOSED".equals(earlier.stage())) {
            return "ACCOUNTABILITY".equals(earlier.outcome());
        }
        return DECIDED_STAGES.contains(earlier.stage());
    }
}
