package cn.jiandu.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The one declaration of what each step takes agrees with what people meet: every form in forms/
 * lets a person enter exactly the fields its step takes, with the same limits, and shows only
 * fields its step declares as shown; no text a step takes is longer than the column it ends in.
 */
class StepsMatchFormsAndColumnsTest {

    static List<StepInput> steps = new ArrayList<>();
    static Map<String, String> formOfStep = new HashMap<>();

    @BeforeAll
    static void declarationsAndModels() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(StepCatalog.class));
        for (var candidate : scan.findCandidateComponents("cn.jiandu")) {
            var constructor = Class.forName(candidate.getBeanClassName()).getDeclaredConstructor();
            constructor.setAccessible(true);
            steps.addAll(((StepCatalog) constructor.newInstance()).steps());
        }
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                readFormRefs(model.toFile());
            }
        }
    }

    @Test
    void everyFormTakesExactlyWhatItsStepDeclares() throws IOException {
        assertThat(steps).hasSizeGreaterThan(10);
        for (StepInput step : steps) {
            String formId = formOfStep.get(step.processKey() + "/" + step.step());
            assertThat(formId).as("form of " + step.processKey() + "/" + step.step()).isNotNull();
            JsonNode form = form(formId);
            Map<String, JsonNode> entered = new HashMap<>();
            Set<String> shown = new HashSet<>();
            collect(form, entered, shown);
            assertThat(entered.keySet()).as("fields people enter in " + formId).isEqualTo(step.takes().keySet());
            assertThat(step.shows()).as("fields " + formId + " shows").containsAll(shown);
            entered.forEach((name, component) -> {
                Field field = step.takes().get(name);
                JsonNode max = component.path("validate").path("maxLength");
                if (field.kind() == Field.Kind.TEXT && !max.isMissingNode()) {
                    assertThat(max.asInt()).as(formId + " " + name + " maxLength").isEqualTo(field.maxLength());
                }
                if (field.kind() == Field.Kind.LIST) {
                    listTakesItsItems(formId, field, component);
                }
            });
        }
    }

    /** A dynamic list's row has exactly the declared items, and the form requires those every row needs. */
    private static void listTakesItsItems(String formId, Field list, JsonNode component) {
        Map<String, JsonNode> items = new HashMap<>();
        collect(component, items, new HashSet<>());
        assertThat(items.keySet()).as("items of " + list.name() + " in " + formId)
                .isEqualTo(list.items().stream().map(Field::name).collect(java.util.stream.Collectors.toSet()));
        for (Field item : list.items()) {
            if (item.required()) {
                assertThat(items.get(item.name()).path("validate").path("required").asBoolean())
                        .as(formId + " " + list.name() + "." + item.name() + " required").isTrue();
            }
        }
    }

    @Test
    void noTextIsLongerThanItsColumn() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:step-columns;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .table("jd_schema_history").load().migrate();
        Map<String, Integer> columns = new HashMap<>();
        new JdbcTemplate(database).query("SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME LIKE 'JD_%' AND DATA_TYPE LIKE '%CHAR%'",
                (java.sql.ResultSet row) -> {
                    columns.put(row.getString(1).toLowerCase() + "." + row.getString(2).toLowerCase(), row.getInt(3));
                });
        int compared = 0;
        for (StepInput step : steps) {
            for (Field field : step.takes().values()) {
                List<Field> fields = field.kind() == Field.Kind.LIST ? field.items() : List.of(field);
                for (Field text : fields) {
                    for (String column : columnsOf(step.processKey(), text.name(), field.kind() == Field.Kind.LIST)) {
                        Integer length = columns.get(column);
                        if (length != null && (text.kind() == Field.Kind.TEXT || text.kind() == Field.Kind.USER)) {
                            assertThat(text.maxLength()).as(step.step() + " " + text.name() + " → " + column)
                                    .isLessThanOrEqualTo(length);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).as("fields compared with a column").isGreaterThan(10);
    }

    /** Where a field of a process may end: the columns of the same name in its tables (without the table's prefix). */
    private static List<String> columnsOf(String processKey, String name, boolean listItem) {
        String column = name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
        return switch (processKey) {
            case "supervisionCase" -> listItem ? List.of("jd_case_person." + column) : List.of("jd_case." + column,
                    "jd_notice." + column.replaceFirst("^notice_", ""));
            case "supervisionInspection" -> listItem ? List.of("jd_inspection_finding." + column)
                    : List.of("jd_inspection." + column.replaceFirst("^inspection_", ""));
            case "accountabilityAppeal" -> List.of("jd_appeal." + column);
            case "noticeBulletin" -> List.of("jd_bulletin." + column.replaceFirst("^bulletin_", ""));
            default -> List.of("jd_report." + column);
        };
    }

    private static void collect(JsonNode container, Map<String, JsonNode> entered, Set<String> shown) {
        for (JsonNode component : container.path("components")) {
            String key = component.has("key") ? component.get("key").asText()
                    : "dynamiclist".equals(component.path("type").asText()) ? component.path("path").asText() : null;
            if (key != null && !key.isEmpty()) {
                if (component.path("disabled").asBoolean() || component.path("readonly").asBoolean()) {
                    shown.add(key);
                } else {
                    entered.put(key, component);
                }
            }
            if (!"dynamiclist".equals(component.path("type").asText())) {
                collect(component, entered, shown);
            }
        }
    }

    private static JsonNode form(String formId) throws IOException {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path file : forms.toList()) {
                JsonNode form = new ObjectMapper().readTree(file.toFile());
                if (formId.equals(form.path("id").asText())) {
                    return form;
                }
            }
        }
        throw new AssertionError("no form " + formId + " in forms/");
    }

    private static void readFormRefs(File model) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(model);
        NodeList processes = document.getElementsByTagNameNS("*", "process");
        for (int p = 0; p < processes.getLength(); p++) {
            Element process = (Element) processes.item(p);
            for (String type : List.of("userTask", "startEvent")) {
                NodeList elements = process.getElementsByTagNameNS("*", type);
                for (int i = 0; i < elements.getLength(); i++) {
                    Element element = (Element) elements.item(i);
                    String formRef = element.getAttributeNS("http://camunda.org/schema/1.0/bpmn", "formRef");
                    if (!formRef.isEmpty()) {
                        String step = type.equals("startEvent") ? StepInput.START : element.getAttribute("id");
                        formOfStep.put(process.getAttribute("id") + "/" + step, formRef);
                    }
                }
            }
        }
    }
}
