package cn.jiandu.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.cases.CaseEnums.ProblemType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The measures' weight, forms (四种形态) and labels, and the forms' select lists that show them. */
class MeasureTest {

    private static final Map<Integer, String> FORM_NAMES = Map.of(1, "第一种形态", 2, "第二种形态");

    @Test
    void talkReminderIsTheLightestMeasureAndProposedFilingTheHeaviest() {
        assertThat(Measure.TALK_REMINDER).isLessThan(Measure.CRITICISM_EDUCATION).isGreaterThan(Measure.NONE);
        assertThat(Measure.values()[Measure.values().length - 1]).isEqualTo(Measure.PROPOSE_FILING);
    }

    @Test
    void everyFirstFormMeasureUpToAdmonishmentIsFirstFormAndOrganizationalAdjustmentSecond() {
        assertThat(Arrays.stream(Measure.values()).filter(measure -> measure.form() == 1)).containsExactly(
                Measure.TALK_REMINDER, Measure.CRITICISM_EDUCATION, Measure.ORDERED_INSPECTION,
                Measure.CIRCULATED_CRITICISM, Measure.ADMONISHMENT);
        assertThat(Arrays.stream(Measure.values()).filter(measure -> measure.form() == 2))
                .containsExactly(Measure.ORGANIZATIONAL_ADJUSTMENT, Measure.DISCIPLINARY_SANCTION);
        assertThat(Arrays.stream(Measure.values()).filter(measure -> measure.form() == Measure.NO_FORM))
                .containsExactly(Measure.NONE, Measure.CASE_FILING, Measure.PROPOSE_FILING);
    }

    @Test
    void leadersApproveFromCirculatedCriticismUp() {
        assertThat(Arrays.stream(Measure.values()).filter(Measure::needsLeaderApproval)).containsExactly(
                Measure.CIRCULATED_CRITICISM, Measure.ADMONISHMENT, Measure.ORGANIZATIONAL_ADJUSTMENT,
                Measure.DISCIPLINARY_SANCTION, Measure.CASE_FILING, Measure.PROPOSE_FILING);
    }

    @Test
    void everyMeasureSelectOfTheFormsListsEveryMeasureWithItsLabelAndForm() throws IOException {
        List<JsonNode> selects = selectsListing("ADMONISHMENT");
        assertThat(selects).hasSizeGreaterThan(5).allSatisfy(select -> {
            // A select of a measure to impose (an appeal's new measure) may offer fewer, never others, in order.
            assertThat(Arrays.stream(Measure.values()).map(Measure::name).toList())
                    .containsSubsequence(select.findValuesAsText("value"));
            for (JsonNode option : select) {
                Measure measure = Measure.valueOf(option.path("value").asText());
                assertThat(option.path("label").asText()).as(measure.name()).startsWith(measure.label());
                if (FORM_NAMES.containsKey(measure.form())) {
                    assertThat(option.path("label").asText()).as(measure.name()).contains(FORM_NAMES.get(measure.form()));
                }
            }
        });
    }

    @Test
    void everyProblemTypeSelectOfTheFormsListsEveryProblemTypeWithItsLabel() throws IOException {
        List<JsonNode> selects = selectsListing("MISUSE_OF_FUNDS");
        assertThat(selects).hasSizeGreaterThan(5).allSatisfy(select -> {
            assertThat(select.findValuesAsText("value")).containsExactlyElementsOf(
                    Arrays.stream(ProblemType.values()).map(ProblemType::name).toList());
            select.forEach(option -> assertThat(option.path("label").asText())
                    .isEqualTo(ProblemType.valueOf(option.path("value").asText()).label()));
        });
    }

    /** The "values" lists of all components in forms/ that offer the given value. */
    private static List<JsonNode> selectsListing(String value) throws IOException {
        List<JsonNode> lists = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
                new ObjectMapper().readTree(form.toFile()).findValues("values").stream()
                        .filter(values -> values.findValuesAsText("value").contains(value)).forEach(lists::add);
            }
        }
        return lists;
    }
}
