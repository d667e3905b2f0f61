package cn.jiandu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.identity.Groups;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The element templates that Camunda Modeler finds next to the diagrams: each follows the rules
 * of the Camunda 7 element-template schema that Jiandu relies on, names only delegates that exist,
 * offers only groups and forms that exist, and no delegate of Jiandu lacks a template.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:admin;DB_CLOSE_DELAY=-1"})
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");
    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

    /** Each binding type of the Camunda 7 schema with the property types it allows. */
    static final Map<String, Set<String>> BINDINGS = Map.of(
            "property", Set.of("String", "Text", "Hidden", "Dropdown", "Boolean"),
            "camunda:property", Set.of("String", "Hidden", "Dropdown"),
            "camunda:inputParameter", Set.of("String", "Text", "Hidden", "Dropdown"),
            "camunda:field", Set.of("String", "Text", "Hidden", "Dropdown"),
            "camunda:outputParameter", Set.of("String", "Hidden", "Dropdown"),
            "camunda:in", Set.of("String", "Hidden", "Dropdown"),
            "camunda:out", Set.of("String", "Hidden", "Dropdown"),
            "camunda:in:businessKey", Set.of("String", "Hidden", "Dropdown"),
            "camunda:executionListener", Set.of("Hidden"),
            "camunda:errorEventDefinition", Set.of("String", "Hidden", "Dropdown"));
    static final Set<String> NAMED_BINDINGS = Set.of("property", "camunda:property", "camunda:inputParameter", "camunda:field");
    static final Pattern BEAN = Pattern.compile("^\\$\\{(\\w+)}$");
    static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    static List<JsonNode> templates = new ArrayList<>();

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void readTemplates() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode content = json.readTree(file.toFile());
                if (content.isArray()) {
                    content.forEach(templates::add);
                } else {
                    templates.add(content);
                }
            }
        }
        assertThat(templates).isNotEmpty();
    }

    @Test
    void everyTemplateFollowsTheSchemaRulesJianduReliesOn() {
        Set<String> ids = new HashSet<>();
        for (JsonNode template : templates) {
            String id = template.path("id").asText();
            assertThat(template.path("$schema").asText()).as(id).isEqualTo(SCHEMA);
            assertThat(id).matches("cn\\.jiandu\\.\\w+");
            assertThat(ids.add(id + "@" + template.path("version").asInt())).as("unique id " + id).isTrue();
            assertThat(template.path("name").asText()).as(id).isNotBlank();
            assertThat(template.path("description").asText()).as(id).isNotBlank();
            assertThat(template.path("appliesTo").isArray() && !template.path("appliesTo").isEmpty()).as(id).isTrue();
            template.path("appliesTo").forEach(type -> assertThat(type.asText()).matches("bpmn:\\w+"));
            Set<String> groups = new HashSet<>();
            template.path("groups").forEach(group -> groups.add(group.path("id").asText()));
            assertThat(template.path("properties").isArray()).as(id).isTrue();
            template.path("properties").forEach(property -> checkProperty(id, property, groups));
        }
    }

    private void checkProperty(String template, JsonNode property, Set<String> groups) {
        String type = property.path("type").asText();
        String binding = property.path("binding").path("type").asText();
        String where = template + " / " + property.path("label").asText(property.path("binding").toString());
        assertThat(BINDINGS).as(where).containsKey(binding);
        assertThat(BINDINGS.get(binding)).as(where + " type").contains(type);
        if (NAMED_BINDINGS.contains(binding)) {
            assertThat(property.path("binding").path("name").asText()).as(where + " binding name").isNotBlank();
        }
        if (!type.equals("Hidden")) {
            assertThat(property.path("label").asText()).as(where + " label").isNotBlank();
        }
        if (property.has("group")) {
            assertThat(groups).as(where + " group").contains(property.path("group").asText());
        }
        if (type.equals("Dropdown")) {
            List<String> values = new ArrayList<>();
            property.path("choices").forEach(choice -> {
                assertThat(choice.path("name").asText()).as(where + " choice name").isNotBlank();
                values.add(choice.path("value").asText());
            });
            assertThat(values).as(where + " choices").isNotEmpty().doesNotHaveDuplicates();
            if (property.has("value")) {
                assertThat(values).as(where + " default").contains(property.path("value").asText());
            }
        }
        JsonNode pattern = property.path("constraints").path("pattern");
        if (!pattern.isMissingNode()) {
            Pattern.compile(pattern.isTextual() ? pattern.asText() : pattern.path("value").asText());
        }
    }

    @Test
    void everyDelegateATemplateNamesExistsAndEveryDelegateHasATemplate() {
        Set<String> named = new TreeSet<>();
        for (String expression : valuesBoundTo("camunda:delegateExpression")) {
            Matcher bean = BEAN.matcher(expression);
            assertThat(bean.matches()).as(expression).isTrue();
            named.add(bean.group(1));
        }
        for (String delegate : named) {
            assertThat(context.containsBean(delegate)).as("bean " + delegate).isTrue();
            assertThat(context.isTypeMatch(delegate, JavaDelegate.class)).as(delegate + " is a JavaDelegate").isTrue();
        }
        assertThat(named).as("every delegate of Jiandu has an element template")
                .containsAll(List.of(context.getBeanNamesForType(JavaDelegate.class)));
    }

    @Test
    void theGroupsOnOfferExist() {
        for (String value : valuesBoundTo("camunda:candidateGroups")) {
            List<String> groups = new ArrayList<>();
            if (value.contains("${")) {
                Matcher literal = QUOTED.matcher(value);
                while (literal.find()) {
                    if (literal.group(1).contains("-")) {
                        groups.add(literal.group(1));
                    }
                }
            } else {
                groups.add(value);
            }
            assertThat(groups).as(value).isNotEmpty();
            assertThat(Groups.NAMES.keySet()).as(value).containsAll(groups);
        }
    }

    @Test
    void theFormsOnOfferExistAndEveryFormOfTheModelsIsOnOffer() throws IOException {
        Set<String> forms = ModelCheckTest.formIds();
        List<String> offered = valuesBoundTo("camunda:formRef");
        assertThat(forms).containsAll(offered);
        Set<String> usedByUserTasks = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream()
                        .map(UserTask::getCamundaFormRef).filter(ref -> ref != null).forEach(usedByUserTasks::add);
            }
        }
        assertThat(offered).as("every form of a user task in processes/ can be chosen in a template")
                .containsAll(usedByUserTasks);
    }

    /** Every value (default and choices) that the templates may write into the given attribute. */
    private static List<String> valuesBoundTo(String attribute) {
        List<String> values = new ArrayList<>();
        for (JsonNode template : templates) {
            for (JsonNode property : template.path("properties")) {
                if (property.path("binding").path("type").asText().equals("property")
                        && property.path("binding").path("name").asText().equals(attribute)) {
                    if (property.has("value")) {
                        values.add(property.path("value").asText());
                    }
                    property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
                }
            }
        }
        assertThat(values).as("values bound to " + attribute).isNotEmpty();
        return values;
    }
}
