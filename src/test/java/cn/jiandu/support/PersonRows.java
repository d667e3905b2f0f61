package cn.jiandu.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** A person as a form's persons list enters them (accountability/PersonsInput.FIELD): one row of the list. */
public final class PersonRows {

    private PersonRows() {
    }

    /** A section-level party member and public servant, no repeat offence, with this responsibility. */
    public static Map<String, Object> person(String name, String unit, String post, String responsibility) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", name);
        person.put("unit", unit);
        person.put("post", post);
        person.put("level", "SECTION_OR_BELOW");
        person.put("partyMember", true);
        person.put("publicServant", true);
        person.put("responsibility", responsibility);
        person.put("repeatOffence", false);
        return person;
    }
}
