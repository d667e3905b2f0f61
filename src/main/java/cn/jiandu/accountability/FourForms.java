package cn.jiandu.accountability;

import cn.jiandu.common.Labelled;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the four forms of supervision and discipline (四种形态) a measure belongs to, as the
 * record shows it and reports count it. The one place that knows: when {@link Measure} carries its
 * own form, {@link #of} returns that and the table below goes.
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

    private static final Map<Measure, Form> FORMS = new EnumMap<>(Map.of(
            // Criticism and education, talks, self-inspection, circulated criticism and admonishment:
            // "红红脸、出出汗".
            Measure.CRITICISM_EDUCATION, Form.FIRST,
            Measure.ORDERED_INSPECTION, Form.FIRST,
            Measure.CIRCULATED_CRITICISM, Form.FIRST,
            Measure.ADMONISHMENT, Form.FIRST,
            // Organisational adjustment is the second form; a major change of post (重大职务调整) would be
            // the third, which the measure does not distinguish.
            Measure.ORGANIZATIONAL_ADJUSTMENT, Form.SECOND,
            // Filing for review and investigation of a serious violation suspected to be a crime.
            Measure.CASE_FILING, Form.FOURTH));

    /**
     * Measures that belong to no form, or to one the measure alone cannot tell: NONE holds nobody
     * accountable; a disciplinary sanction is the second form when light (警告、严重警告) and the third
     * when heavy (撤销党内职务、留党察看、开除党籍), and the record does not say which. Showing no form
     * is better than a wrong one.
     */
    private static final Set<Measure> WITHOUT_FORM = EnumSet.of(Measure.NONE, Measure.DISCIPLINARY_SANCTION);

    private FourForms() {
    }

    public static Optional<Form> of(Measure measure) {
        return Optional.ofNullable(measure == null ? null : FORMS.get(measure));
    }

    /** Whether the table places this measure: in a form, or knowingly in none. */
    static boolean places(Measure measure) {
        return FORMS.containsKey(measure) || WITHOUT_FORM.contains(measure);
    }
}
