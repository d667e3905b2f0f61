package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.jiandu.steps.Field;
import cn.jiandu.steps.StepInput;
import cn.jiandu.steps.StepInputCheck;
import cn.jiandu.steps.StepInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.Spin;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The persons of a case as the verification form enters them (a dynamic list, one row per person),
 * read into persons or refused with a message that names the row and what to correct.
 */
class PersonsInputTest {

    static final String TWO_PERSONS = """
            [{"name": " 王建国 ", "unit": "幸福社区居委会", "post": "主任", "level": "SECTION_OR_BELOW",
              "partyMember": true, "publicServant": false, "responsibility": "PRINCIPAL_LEADERSHIP",
              "repeatOffence": false},
             {"name": "李明", "unit": "幸福社区居委会　", "responsibility": "DIRECT"}]""";

    @Test
    void eachRowIsAPersonInTheOrderEntered() {
        List<Person> persons = PersonsInput.parse(TWO_PERSONS);

        assertThat(persons).extracting(Person::position, Person::name, Person::unit, Person::responsibility)
                .containsExactly(tuple(1, "王建国", "幸福社区居委会", Responsibility.PRINCIPAL_LEADERSHIP),
                        tuple(2, "李明", "幸福社区居委会", Responsibility.DIRECT));
        Person director = persons.get(0);
        assertThat(director.post()).isEqualTo("主任");
        assertThat(director.level()).isEqualTo(CadreLevel.SECTION_OR_BELOW);
        assertThat(director.partyMember()).isTrue();
        assertThat(director.publicServant()).isFalse();
        assertThat(director.repeatOffence()).isFalse();
        assertThat(persons.get(1).partyMember()).as("not stated").isNull();
        assertThat(director.repeatOffenceProposed()).as("Jiandu proposes, the form does not").isNull();
        assertThat(director.measure()).isNull();
    }

    @Test
    void aSpinJsonValueAndAListOfMapsThroughTheJavaApiAreReadAlike() {
        List<Person> fromText = PersonsInput.parse(TWO_PERSONS);

        assertThat(PersonsInput.parse(Spin.JSON(TWO_PERSONS))).isEqualTo(fromText);
        Map<String, Object> director = new LinkedHashMap<>(Map.of("name", " 王建国 ", "unit", "幸福社区居委会",
                "post", "主任", "level", "SECTION_OR_BELOW", "partyMember", true, "publicServant", false,
                "responsibility", "PRINCIPAL_LEADERSHIP", "repeatOffence", false));
        Map<String, Object> officer = Map.of("name", "李明", "unit", "幸福社区居委会　", "responsibility", "DIRECT");
        assertThat(PersonsInput.parse(List.of(director, officer))).isEqualTo(fromText);
    }

    @Test
    void nothingEnteredIsNobody() {
        assertThat(PersonsInput.parse(null)).isEmpty();
        assertThat(PersonsInput.parse("[]")).isEmpty();
        assertThat(PersonsInput.parse(List.of())).isEmpty();
    }

    @Test
    void aRowWithoutNameUnitOrResponsibilityIsRefusedNamingTheRowAndTheField() {
        refused("[{\"name\": \"王建国\", \"unit\": \"幸福社区\", \"responsibility\": \"DIRECT\"},"
                + " {\"unit\": \"幸福社区\", \"responsibility\": \"DIRECT\"}]", "第 2 行", "请填写姓名（name）");
        refused("[{\"name\": \"王建国\", \"unit\": \"幸福社区\"}]", "第 1 行", "请填写责任类型（responsibility）");
        refused("[{\"name\": \"　\", \"unit\": \"幸福社区\", \"responsibility\": \"DIRECT\"}]", "第 1 行", "姓名（name）");
        refused("[{\"name\": \"王建国\", \"unit\": \"\", \"responsibility\": \"DIRECT\"}]", "第 1 行",
                "请填写工作单位（unit）");
        refused("[{}]", "第 1 行", "请填写姓名（name）");
    }

    @Test
    void valuesOutsideTheirListsAndLimitsAreRefusedSayingWhatIsAllowed() {
        refused("[{\"name\": \"王建国\", \"unit\": \"幸福社区\", \"responsibility\": \"COLLECTIVE\"}]",
                "责任类型（responsibility）须为以下之一",
                "DIRECT（直接责任）、PRINCIPAL_LEADERSHIP（主要领导责任）、IMPORTANT_LEADERSHIP（重要领导责任）");
        refused(row("\"level\": \"MINISTER\""), "职级（level）须为以下之一", "BUREAU（厅局级）");
        refused(row("\"partyMember\": \"是\""), "中共党员（partyMember）", "true 或 false");
        refused(row("\"post\": \"" + "副".repeat(101) + "\""), "职务（post）", "不能超过 100 个字");
        refused("[{\"name\": \"" + "王".repeat(51) + "\", \"unit\": \"幸福社区\", \"responsibility\": \"DIRECT\"}]",
                "姓名（name）", "不能超过 50 个字");
        refused(row("\"idNumber\": \"110101199001011234\""), "不接受字段“idNumber”", "name");
        refused("[{\"name\": 42, \"unit\": \"幸福社区\", \"responsibility\": \"DIRECT\"}]", "姓名（name）", "须为文本");
    }

    @Test
    void aListThatIsNotOneOrTooLongOrNamesSomeoneTwiceIsRefused() {
        refused("王建国、李明", "涉及人员（persons）", "JSON 数组");
        refused("{\"name\": \"王建国\"}", "涉及人员（persons）", "JSON 数组");
        refused("[" + String.join(",", java.util.Collections.nCopies(21, "{}")) + "]", "涉及人员（persons）",
                "最多 20 行");
        refused("[{\"name\": \"王建国\", \"unit\": \"幸福社区\", \"responsibility\": \"DIRECT\"},"
                + " {\"name\": \" 王建国\", \"unit\": \"幸福社区\", \"responsibility\": \"IMPORTANT_LEADERSHIP\"}]",
                "第 2 行与第 1 行是同一人", "合并");
    }

    @Test
    void theGateHoldsARestClientToTheSameDeclaration() {
        StepInput verify = StepInput.of("supervisionCase", "verifyCase", List.of(PersonsInput.FIELD), Set.of());
        ObjectNode sent = JsonNodeFactory.instance.objectNode();
        sent.putObject("persons").put("value", TWO_PERSONS).put("type", "Json");

        assertThat(StepInputCheck.clean(verify, sent).get("persons").get("type").asText()).isEqualTo("Json");
        sent.putObject("persons").put("value", "[{\"name\": \"王建国\", \"unit\": \"幸福社区\"}]").put("type", "Json");
        assertThatThrownBy(() -> StepInputCheck.clean(verify, sent)).isInstanceOfSatisfying(StepInputException.class,
                e -> assertThat(e.getMessage()).isEqualTo("涉及人员（persons）第 1 行：请填写责任类型（responsibility）"));
    }

    @Test
    void everyItemFitsTheColumnItIsStoredIn() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:person-columns;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("jd_schema_history").load().migrate();
        Map<String, Integer> columns = new HashMap<>();
        new JdbcTemplate(database).query("SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME IN ('JD_CASE_PERSON', 'JD_CASE')"
                + " AND DATA_TYPE LIKE '%CHAR%'", (java.sql.ResultSet row) -> {
                    columns.put(row.getString(1).toLowerCase() + "." + row.getString(2).toLowerCase(), row.getInt(3));
                });
        for (Field item : PersonsInput.FIELD.items()) {
            String column = "jd_case_person." + item.name().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
            if (item.kind() == Field.Kind.TEXT || item.kind() == Field.Kind.CHOICE) {
                assertThat(columns).as(column).containsKey(column);
                assertThat(item.maxLength()).as(column).isLessThanOrEqualTo(columns.get(column));
            }
        }
        int longestMeasure = java.util.Arrays.stream(Measure.values()).mapToInt(m -> m.name().length()).max()
                .orElseThrow();
        assertThat(longestMeasure).isLessThanOrEqualTo(columns.get("jd_case_person.measure"))
                .isLessThanOrEqualTo(columns.get("jd_case_person.recommended_measure"));
        int longestUnitMeasure = java.util.Arrays.stream(UnitMeasure.values()).mapToInt(m -> m.name().length()).max()
                .orElseThrow();
        assertThat(longestUnitMeasure).isLessThanOrEqualTo(columns.get("jd_case.unit_measure"));
    }

    // ---- decideAccountability (route version 2): a measure for each recorded person --------------------

    @Test
    void theDecisionTakesOnlyAMeasureForEachRecordedPersonInTheirOrder() {
        List<Person> recorded = PersonsInput.parse(TWO_PERSONS);
        String decided = """
                [{"name": "王建国", "unit": "幸福社区居委会", "recommendedMeasure": "ADMONISHMENT", "measure": "ADMONISHMENT"},
                 {"name": "李明", "unit": "幸福社区居委会", "measure": "NONE"}]""";

        assertThat(PersonsInput.decidedMeasures(decided, recorded, false))
                .containsExactly(Measure.ADMONISHMENT, Measure.NONE);
    }

    @Test
    void aDecisionThatAddsRemovesOrMovesAPersonIsRefusedNamingTheRow() {
        List<Person> recorded = PersonsInput.parse(TWO_PERSONS);
        refusedDecision("[{\"name\": \"李明\", \"unit\": \"幸福社区居委会\", \"measure\": \"NONE\"},"
                + " {\"name\": \"王建国\", \"unit\": \"幸福社区居委会\", \"measure\": \"NONE\"}]", recorded, false,
                "第 1 行", "李明", "王建国", "顺序");
        refusedDecision("[{\"measure\": \"NONE\"}]", recorded, false, "2 人", "1 行");
        refusedDecision("[{\"measure\": \"NONE\"}, {}]", recorded, false, "第 2 行", "问责方式（measure）");
    }

    @Test
    void version2TakesNoSanctionWithoutFilingAndLightHandlingOnlyTheFirstForm() {
        List<Person> recorded = PersonsInput.parse(TWO_PERSONS);
        refusedDecision("[{\"measure\": \"DISCIPLINARY_SANCTION\"}, {\"measure\": \"NONE\"}]", recorded, false,
                "第 1 行", "PROPOSE_FILING");
        refusedDecision("[{\"measure\": \"NONE\"}, {\"measure\": \"CASE_FILING\"}]", recorded, false, "第 2 行");
        refusedDecision("[{\"measure\": \"ORGANIZATIONAL_ADJUSTMENT\"}, {\"measure\": \"NONE\"}]", recorded, true,
                "第一种形态");
        refusedDecision("[{\"measure\": \"PROPOSE_FILING\"}, {\"measure\": \"NONE\"}]", recorded, true, "第一种形态");
        assertThat(PersonsInput.decidedMeasures("[{\"measure\": \"ADMONISHMENT\"}, {\"measure\": \"NONE\"}]",
                recorded, true)).containsExactly(Measure.ADMONISHMENT, Measure.NONE);
    }

    private static void refusedDecision(String input, List<Person> recorded, boolean firstFormOnly, String... message) {
        assertThatThrownBy(() -> PersonsInput.decidedMeasures(input, recorded, firstFormOnly))
                .isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
                    assertThat((Object) e.getDetail()).isEqualTo("persons");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    /** One otherwise valid person with the item given. */
    private static String row(String item) {
        return "[{\"name\": \"王建国\", \"unit\": \"幸福社区\", \"responsibility\": \"DIRECT\", " + item + "}]";
    }

    private static void refused(Object input, String... message) {
        assertThatThrownBy(() -> PersonsInput.parse(input))
                .isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
                    assertThat((Object) e.getDetail()).isEqualTo("persons");
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
