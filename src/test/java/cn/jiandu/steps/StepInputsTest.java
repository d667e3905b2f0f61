package cn.jiandu.steps;

import static cn.jiandu.steps.Field.text;
import static cn.jiandu.steps.Field.yesNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Declarations found by process, model version and step: running cases of an older model keep its fields. */
class StepInputsTest {

    static final StepInput EVERY_VERSION = StepInput.of("supervisionCase", "verifyCase",
            List.of(text("findings", "核查情况", 10), yesNo("substantiated", "问题属实")), Set.of());
    static final StepInput VERSION_TWO = StepInput.of("supervisionCase", "verifyCase",
            List.of(text("findings", "核查情况", 10), text("verificationOutcome", "核查结论", 20)), Set.of())
            .forVersion("2.0");

    @Test
    void aStepOfANewerModelHasItsOwnFieldsAndOlderCasesKeepTheirs() {
        StepInputs inputs = new StepInputs(List.of(() -> List.of(EVERY_VERSION, VERSION_TWO)));
        assertThat(inputs.find("supervisionCase", "2.0", "verifyCase").orElseThrow().takes())
                .containsOnlyKeys("findings", "verificationOutcome");
        assertThat(inputs.find("supervisionCase", "1.0", "verifyCase").orElseThrow().takes())
                .containsOnlyKeys("findings", "substantiated");
        assertThat(inputs.find("supervisionCase", null, "verifyCase").orElseThrow()).isEqualTo(EVERY_VERSION);
        assertThat(inputs.isJianduProcess("supervisionCase")).isTrue();
        assertThat(inputs.isJianduProcess("benchOneTask")).isFalse();
    }

    @Test
    void aStepDeclaredTwiceForTheSameVersionIsAMistakeFoundAtStart() {
        assertThatThrownBy(() -> new StepInputs(List.of(() -> List.of(VERSION_TWO, VERSION_TWO))))
                .hasMessageContaining("declared twice");
    }
}
