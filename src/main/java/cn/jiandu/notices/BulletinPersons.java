package cn.jiandu.notices;

import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.common.Labelled;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Every person of every case a bulletin names, with responsibility and measure in words, as the
 * variable {@code bulletinPersons} the leaders' approval shows (read-only): leaders sign off on whom
 * the bulletin names and for what, not only on its text. Taken from the record, never from a client.
 */
@Component
class BulletinPersons {

    static final String VARIABLE = "bulletinPersons";

    private final PersonRepository persons;

    BulletinPersons(PersonRepository persons) {
        this.persons = persons;
    }

    JsonValue of(List<String> caseNumbers) {
        Map<String, List<Person>> byCase = persons.listOf(caseNumbers);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (String caseNumber : caseNumbers) {
            for (Person person : byCase.getOrDefault(caseNumber, List.of())) {
                ObjectNode row = rows.addObject();
                row.put("caseNumber", caseNumber);
                row.put("name", person.name());
                row.put("unit", person.unit());
                row.put("post", person.post() == null ? "" : person.post());
                row.put("responsibility", label(person.responsibility(), "未填"));
                row.put("measure", label(person.measure(), "未决定"));
            }
        }
        return SpinValues.jsonValue(rows.toString()).create();
    }

    private static String label(Labelled value, String missing) {
        return value == null ? missing : value.label();
    }
}
