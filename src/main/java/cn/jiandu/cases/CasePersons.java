package cn.jiandu.cases;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.PersonsInput;
import cn.jiandu.accountability.RepeatOffences;
import cn.jiandu.common.Vars;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The persons of a case as the route's steps enter, decide and serve them: rows of the record
 * (jd_case_person), and the process variable {@code persons} that later forms show, rewritten from the
 * record whenever the record changes, as Spin JSON (Tasklist's Camunda Forms read a Json variable into
 * a dynamic list).
 */
@Component
class CasePersons {

    static final String VARIABLE = PersonsInput.FIELD.name();

    private final PersonRepository persons;
    private final RepeatOffences repeatOffences;
    private final ObjectMapper json = new ObjectMapper();

    CasePersons(PersonRepository persons, RepeatOffences repeatOffences) {
        this.persons = persons;
        this.repeatOffences = repeatOffences;
    }

    List<Person> of(String caseNumber) {
        return persons.list(caseNumber);
    }

    /**
     * The persons a step entered become the case's, each with repeat offence proposed from earlier
     * cases beside the officer's answer.
     *
     * @param required why the step needs at least one person, or null when it needs none
     */
    void enter(VariableScope step, String required) {
        String caseNumber = Vars.caseNumber(step);
        List<Person> entered = PersonsInput.parse(step.getVariable(VARIABLE));
        if (entered.isEmpty() && required != null) {
            throw new FormFieldValidationException(VARIABLE, required + "，须在涉及人员（persons）中至少填写一人"
                    + "（姓名、工作单位、责任类型）");
        }
        persons.replace(caseNumber, repeatOffences.propose(caseNumber, entered));
        showAsEntered(step);
    }

    /** The measures decideAccountability chose, one for each recorded person. */
    List<Person> decide(VariableScope step, boolean firstFormOnly) {
        String caseNumber = Vars.caseNumber(step);
        List<Person> recorded = persons.list(caseNumber);
        List<Measure> measures = PersonsInput.decidedMeasures(step.getVariable(VARIABLE), recorded, firstFormOnly);
        for (int i = 0; i < recorded.size(); i++) {
            persons.recordMeasure(caseNumber, recorded.get(i).position(), measures.get(i));
        }
        show(step);
        return persons.list(caseNumber);
    }

    void recordRecommendation(VariableScope scope, int position, Measure recommended, boolean leadersApprove) {
        persons.recordRecommendation(Vars.caseNumber(scope), position, recommended, leadersApprove);
        show(scope);
    }

    /** The decision was served on each person it holds accountable (a measure other than none). */
    void serve(String caseNumber, LocalDate servedOn) {
        for (Person person : persons.list(caseNumber)) {
            if (person.measure() != null && person.measure() != Measure.NONE) {
                persons.recordService(caseNumber, person.position(), servedOn);
            }
        }
    }

    /** The variable {@code persons} becomes the record's persons, for the forms that show them. */
    void show(VariableScope scope) {
        scope.setVariable(VARIABLE, SpinValues.jsonValue(json(of(Vars.caseNumber(scope)))).create());
    }

    /**
     * The persons as a step entered them, with nothing the step does not take: a case sent back to
     * verification (a filing returned by leaders) shows the list in the same form, and Tasklist sends
     * each row back as it was loaded, so a row must carry only the items PersonsInput.FIELD accepts.
     */
    private void showAsEntered(VariableScope scope) {
        ArrayNode rows;
        try {
            rows = (ArrayNode) json.readTree(json(of(Vars.caseNumber(scope))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        java.util.Set<String> entered = new java.util.HashSet<>();
        PersonsInput.FIELD.items().forEach(item -> entered.add(item.name()));
        rows.forEach(row -> ((ObjectNode) row).retain(entered));
        scope.setVariable(VARIABLE, SpinValues.jsonValue(rows.toString()).create());
    }

    /** The persons as JSON, with the items of decideAccountability's list (PersonsInput.DECISION_FIELD). */
    String json(List<Person> list) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (Person p : list) {
            ObjectNode row = rows.addObject();
            row.put("name", p.name());
            row.put("unit", p.unit());
            putIfKnown(row, "post", p.post());
            putIfKnown(row, "level", p.level() == null ? null : p.level().name());
            putIfKnown(row, "partyMember", p.partyMember());
            putIfKnown(row, "publicServant", p.publicServant());
            putIfKnown(row, "responsibility", p.responsibility() == null ? null : p.responsibility().name());
            putIfKnown(row, "repeatOffence", p.repeatOffence());
            putIfKnown(row, "repeatOffenceProposed", p.repeatOffenceProposed());
            putIfKnown(row, "recommendedMeasure", p.recommendedMeasure() == null ? null : p.recommendedMeasure().name());
            putIfKnown(row, "measure", p.measure() == null ? null : p.measure().name());
        }
        try {
            return json.writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfKnown(ObjectNode row, String item, Object value) {
        if (value instanceof Boolean yesNo) {
            row.put(item, yesNo);
        } else if (value != null) {
            row.put(item, value.toString());
        }
    }
}
