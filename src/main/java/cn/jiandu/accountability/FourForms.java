package cn.jiandu.accountability;

import cn.jiandu.common.Labelled;
import java.util.Optional;

/**
 * Which of the four forms of supervision and discipline (四种形态) a measure belongs to, as the
 * record shows it and reports count it. {@link Measure#form()} is the one place that knows; this
 * gives it a name and a label.
 */
public final class FourForms {

    public enum Form implements Labelled {
        FIRST("第一种形态"),
        SECOND("第二种形态"),
        THIRD("第三种形态"),
        FOURTH("第四种形态");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    private FourForms() {
    }

    /** Empty for no measure and for a measure that counts in no form (NONE, a filing whose outcome is open). */
    public static Optional<Form> of(Measure measure) {
        if (measure == null || measure.form() == Measure.NO_FORM) {
            return Optional.empty();
        }
        return Optional.of(Form.values()[measure.form() - 1]);
    }
}
