package cn.jiandu.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * The one declaration of what each step takes agrees with what people meet: every form a model
 * names is in forms/, and lets a person enter exactly the fields its step takes in that version of
 * the model, with the same limits and choices (a dynamic list's rows too), and shows only fields its
 * step declares as shown; no text a step takes is longer than the column it ends in.
 */
class StepsMatchFormsAndColumnsTest {

    /** The models deployed now, and the older versions kept for the cases still running on them. */
    static final List<Path> MODEL_FOLDERS = List.of(Path.of("processes"), Path.of("src/test/resources/legacy"));

    /** A step of a model with a form. */
    record ModelStep(Path model, String processKey, String versionTag, String step, String formRef) {

        String named() {
            return processKey + (versionTag == null ? "" : " " + versionTag) + "/" + step + " (" + model + ")";
        }
    }

    static List<StepInput> steps = new ArrayList<>();
    /** Lists Jiandu computes for forms to show, by process key. */
    static Map<String, List<Field>> listsShown = new HashMap<>();
    static StepInputs declarations;
    static List<ModelStep> modelSteps = new ArrayList<>();
    static Map<String, JsonNode> forms = new TreeMap<>();

    @BeforeAll
    static void declarationsModelsAndForms() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(StepCatalog.class));
        List<StepCatalog> catalogs = new ArrayList<>();
        for (var candidate : scan.findCandidateComponents("cn.jiandu")) {
            var constructor = Class.forName(candidate.getBeanClassName()).getDeclaredConstructor();
            constructor.setAccessible(true);
            catalogs.add((StepCatalog) constructor.newInstance());
        }
        catalogs.forEach(catalog -> steps.addAll(catalog.steps()));
        catalogs.forEach(catalog -> catalog.listsShown().forEach((processKey, lists) ->
                listsShown.computeIfAbsent(processKey, key -> new ArrayList<>()).addAll(lists)));
        declarations = new StepInputs(catalogs);
        for (Path folder : MODEL_FOLDERS) {
            try (Stream<Path> models = Files.list(folder)) {
                for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                    readFormRefs(model);
                }
            }
        }
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = new ObjectMapper().readTree(file.toFile());
                assertThat(forms.put(form.path("id").asText(), form)).as("form id of " + file + " used once").isNull();
            }
        }
    }

    @Test
    void everyFormOfEveryModelIsInForms() {
        assertThat(modelSteps).hasSizeGreaterThan(20);
        for (ModelStep step : modelSteps) {
            assertThat(forms).as("form " + step.formRef() + " of " + step.named()).containsKey(step.formRef());
        }
    }

    @Test
    void everyFormTakesExactlyWhatItsStepDeclaresForTheVersionOfItsModel() {
        for (ModelStep modelStep : modelSteps) {
            StepInput step = declarations.find(modelStep.processKey(), modelStep.versionTag(), modelStep.step())
                    .orElseThrow(() -> new AssertionError("no declaration of what " + modelStep.named() + " takes"));
            String formId = modelStep.formRef() + " of " + modelStep.named();
            JsonNode form = forms.get(modelStep.formRef());
            if (form == null) {
                continue; // everyFormOfEveryModelIsInForms names it
            }
            Map<String, JsonNode> entered = new HashMap<>();
            Map<String, JsonNode> shown = new HashMap<>();
            collect(form, entered, shown);
            assertThat(entered.keySet()).as("fields people enter in " + formId).isEqualTo(step.takes().keySet());
            assertThat(step.shows()).as("fields " + formId + " shows").containsAll(shown.keySet());
            entered.forEach((name, component) -> takesAsDeclared(formId, step.takes().get(name), component));
            shown.forEach((name, component) -> showsAsDeclared(formId, modelStep, name, component));
        }
    }

    @Test
    void everyDeclarationIsOfAStepThatAModelHas() {
        for (StepInput step : steps) {
            assertThat(modelSteps).as("a model with " + step.processKey() + "/" + step.step()
                    + (step.versionTag() == null ? "" : " (version " + step.versionTag() + ")") + " and its form")
                    .anyMatch(modelStep -> modelStep.processKey().equals(step.processKey())
                            && modelStep.step().equals(step.step())
                            && (step.versionTag() == null || step.versionTag().equals(modelStep.versionTag())));
        }
    }

    @Test
    void componentIdsAreUniqueInEachForm() {
        forms.forEach((formId, form) -> {
            List<String> ids = form.findValuesAsText("id").stream().filter(id -> !id.equals(formId)).toList();
            assertThat(ids).as("component ids of " + formId).doesNotHaveDuplicates();
        });
    }

    /** A field people enter: the component of its kind, its limit, its choices and, for a list, its rows. */
    private static void takesAsDeclared(String formId, Field field, JsonNode component) {
        String where = formId + " " + field.name();
        String type = component.path("type").asText();
        switch (field.kind()) {
            case TEXT, USER -> {
                assertThat(type).as(where).isIn("textfield", "textarea");
                JsonNode max = component.path("validate").path("maxLength");
                if (!max.isMissingNode() || !component.path("readonly").asBoolean()) {
                    assertThat(max.asInt()).as(where + " maxLength").isEqualTo(field.maxLength());
                }
            }
            case CHOICE -> {
                assertThat(type).as(where).isIn("select", "radio");
                choicesAsDeclared(where, field, component);
            }
            case YES_NO -> {
                if (type.equals("radio")) {
                    assertThat(component.path("values").findValues("value")).as(where + " yes or no")
                            .allMatch(JsonNode::isBoolean).hasSize(2);
                } else {
                    assertThat(type).as(where).isEqualTo("checkbox");
                }
            }
            case DATE -> assertThat(type).as(where).isEqualTo("datetime");
            case LIST -> {
                assertThat(type).as(where).isEqualTo("dynamiclist");
                listTakesItsItems(formId, field, component);
            }
        }
    }

    /** The values in the declared order, each labelled as Jiandu's list labels it (a form may add a hint). */
    private static void choicesAsDeclared(String where, Field field, JsonNode component) {
        assertThat(component.path("values").findValuesAsText("value")).as(where + " choices").isEqualTo(field.choices());
        labelledAsDeclared(where, field, component);
    }

    /**
     * A field a form only shows may hold values an older version stored: its list labels at least every
     * value the step that takes it offers.
     */
    private static void showsDeclaredChoices(String where, Field field, JsonNode component) {
        assertThat(component.path("values").findValuesAsText("value")).as(where + " choices")
                .containsAll(field.choices());
        labelledAsDeclared(where, field, component);
    }

    private static void labelledAsDeclared(String where, Field field, JsonNode component) {
        for (JsonNode option : component.path("values")) {
            int declared = field.choices().indexOf(option.path("value").asText());
            if (declared >= 0) {
                String shown = field.choiceLabels().get(declared);
                String label = shown.contains("（") ? shown.substring(shown.indexOf('（') + 1, shown.length() - 1) : shown;
                assertThat(option.path("label").asText()).as(where + " " + option.path("value").asText())
                        .startsWith(label);
            }
        }
    }

    /**
     * A dynamic list's row has the declared items (those it only shows beside the others are read-only,
     * so that Tasklist still sends them, or named by a text view of the row, {@code this.<item>}, so that
     * Tasklist leaves them out), and the form requires those every row needs.
     */
    private static void listTakesItsItems(String formId, Field list, JsonNode component) {
        Map<String, JsonNode> items = new HashMap<>();
        collect(component.path("components"), items, new HashMap<>(), true);
        String rowText = component.path("components").findValuesAsText("text").stream().collect(Collectors.joining());
        assertThat(list.items().stream().map(Field::name).collect(Collectors.toSet()))
                .as("items of " + list.name() + " in " + formId).containsAll(items.keySet());
        for (Field item : list.items()) {
            assertThat(items.containsKey(item.name()) || rowText.contains("this." + item.name()))
                    .as(formId + " " + list.name() + "." + item.name() + " in each row").isTrue();
        }
        for (Field item : list.items()) {
            JsonNode row = items.get(item.name());
            if (row == null) {
                continue;
            }
            takesAsDeclared(formId, item, row);
            if (item.required()) {
                assertThat(row.path("validate").path("required").asBoolean())
                        .as(formId + " " + list.name() + "." + item.name() + " required").isTrue();
            }
        }
    }

    /**
     * A field a form only shows offers the choices of the step that takes it (in the same version of the
     * model), and a list it shows has only items of a list of that name in the process, with their choices.
     */
    private static void showsAsDeclared(String formId, ModelStep modelStep, String name, JsonNode component) {
        if ("table".equals(component.path("type").asText())) {
            tableShowsDeclaredItems(formId, modelStep, name, component);
            return;
        }
        if ("dynamiclist".equals(component.path("type").asText())) {
            Map<String, Field> items = listItems(modelStep, name);
            Map<String, JsonNode> rows = new HashMap<>();
            collect(component.path("components"), rows, rows, true);
            assertThat(items).as("items of " + name + " shown in " + formId).containsKeys(
                    rows.keySet().toArray(String[]::new));
            rows.forEach((item, row) -> {
                if (items.get(item).kind() == Field.Kind.CHOICE) {
                    showsDeclaredChoices(formId + " " + name + "." + item, items.get(item), row);
                }
            });
            return;
        }
        takenInTheSameModel(modelStep, name).filter(field -> field.kind() == Field.Kind.CHOICE).findFirst()
                .ifPresent(field -> showsDeclaredChoices(formId + " shown " + name, field, component));
    }

    /**
     * A table showing a list: its columns are items of that list, and its data source labels every
     * choice of an item the way the step that takes it does.
     */
    private static void tableShowsDeclaredItems(String formId, ModelStep modelStep, String name, JsonNode table) {
        Map<String, Field> items = listItems(modelStep, name);
        String dataSource = table.path("dataSource").asText();
        for (String column : table.path("columns").findValuesAsText("key")) {
            Field item = items.get(column);
            assertThat(item).as("column " + column + " of " + name + " shown in " + formId).isNotNull();
            if (item.kind() == Field.Kind.CHOICE) {
                for (int i = 0; i < item.choices().size(); i++) {
                    String label = item.choiceLabels().get(i);
                    label = label.contains("（") ? label.substring(label.indexOf('（') + 1, label.length() - 1) : label;
                    assertThat(dataSource).as(formId + " " + name + "." + column + " labels " + item.choices().get(i))
                            .contains("\"" + item.choices().get(i) + "\": \"" + label);
                }
            }
        }
    }

    /** The items of the lists of this name the process's steps take (an older model may use the latest form too). */
    private static Map<String, Field> listItems(ModelStep modelStep, String name) {
        Map<String, Field> items = new HashMap<>();
        steps.stream().filter(step -> step.processKey().equals(modelStep.processKey()))
                .map(step -> step.takes().get(name)).filter(field -> field != null && field.kind() == Field.Kind.LIST)
                .forEach(list -> list.items().forEach(item -> items.putIfAbsent(item.name(), item)));
        listsShown.getOrDefault(modelStep.processKey(), List.of()).stream().filter(list -> list.name().equals(name))
                .forEach(list -> list.items().forEach(item -> items.putIfAbsent(item.name(), item)));
        return items;
    }

    /** The declarations of this field in the steps of the same version of the model. */
    private static Stream<Field> takenInTheSameModel(ModelStep modelStep, String name) {
        return modelSteps.stream()
                .filter(other -> other.model().equals(modelStep.model()) && other.processKey().equals(modelStep.processKey()))
                .map(other -> declarations.find(other.processKey(), other.versionTag(), other.step()))
                .flatMap(Optional::stream)
                .map(step -> step.takes().get(name))
                .filter(field -> field != null);
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
                    // A field whose column a migration has yet to add is compared once it exists.
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
            case "rectification" -> listItem ? List.of("jd_rectification_item." + column)
                    : List.of("jd_rectification." + column);
            default -> List.of("jd_report." + column);
        };
    }

    private static void collect(JsonNode form, Map<String, JsonNode> entered, Map<String, JsonNode> shown) {
        collect(form.path("components"), entered, shown, false);
    }

    /**
     * The keyed components, by what Tasklist does with them: a disabled one is shown and not sent, a
     * read-only one shown and sent back unchanged, any other entered. A dynamic list is entered unless
     * Tasklist sends none of its rows' items (all disabled); in a list's row, read-only items count as
     * entered, since they come back with the row. A table shows the list its data source names.
     */
    private static void collect(JsonNode components, Map<String, JsonNode> entered, Map<String, JsonNode> shown,
            boolean inRow) {
        for (JsonNode component : components) {
            boolean list = "dynamiclist".equals(component.path("type").asText());
            String key = list ? component.path("path").asText() : component.path("key").asText();
            if ("table".equals(component.path("type").asText())) {
                shown.put(tableSource(component), component);
            } else if (!key.isEmpty()) {
                boolean onlyShown = list ? allDisabled(component) : component.path("disabled").asBoolean()
                        || !inRow && component.path("readonly").asBoolean();
                (onlyShown ? shown : entered).put(key, component);
            }
            if (!list) {
                collect(component.path("components"), entered, shown, inRow);
            }
        }
    }

    /** The variable a table shows: its data source is {@code =name} or {@code =for x in name return ...}. */
    private static String tableSource(JsonNode table) {
        String dataSource = table.path("dataSource").asText();
        Matcher source = Pattern.compile("^=\\s*(?:for \\w+ in )?(\\w+)").matcher(dataSource);
        assertThat(source.find()).as("data source of table " + table.path("id").asText()).isTrue();
        return source.group(1);
    }

    private static boolean allDisabled(JsonNode list) {
        Map<String, JsonNode> items = new HashMap<>();
        collect(list.path("components"), items, new HashMap<>(), true);
        return items.isEmpty();
    }

    private static void readFormRefs(Path model) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(model.toFile());
        NodeList processes = document.getElementsByTagNameNS("*", "process");
        String camunda = "http://camunda.org/schema/1.0/bpmn";
        for (int p = 0; p < processes.getLength(); p++) {
            Element process = (Element) processes.item(p);
            String versionTag = process.getAttributeNS(camunda, "versionTag");
            for (String type : List.of("userTask", "startEvent")) {
                NodeList elements = process.getElementsByTagNameNS("*", type);
                for (int i = 0; i < elements.getLength(); i++) {
                    Element element = (Element) elements.item(i);
                    String formRef = element.getAttributeNS(camunda, "formRef");
                    if (!formRef.isEmpty()) {
                        String step = type.equals("startEvent") ? StepInput.START : element.getAttribute("id");
                        modelSteps.add(new ModelStep(model, process.getAttribute("id"),
                                versionTag.isEmpty() ? null : versionTag, step, formRef));
                    }
                }
            }
        }
    }
}
