package cn.jiandu.accountability;

import cn.jiandu.common.Labelled;

/**
 * Accountability measures (问责方式) for one person, in increasing weight, each with its form of the
 * four forms (四种形态). The commission imposes the first-form measures itself, proposes
 * organizational adjustment to the Party committee, and for a party-discipline or government
 * sanction first has to file a case (立案), so the heaviest recommendation is to file.
 */
public enum Measure implements Labelled {
    NONE("不予问责", 0),
    TALK_REMINDER("谈话提醒", 1),
    CRITICISM_EDUCATION("批评教育", 1),
    ORDERED_INSPECTION("责令检查", 1),
    CIRCULATED_CRITICISM("通报批评", 1),
    ADMONISHMENT("诫勉", 1),
    ORGANIZATIONAL_ADJUSTMENT("组织调整建议", 2),
    /** Version 1 only (version 2 proposes filing): recorded without light or heavy, counted as light (second form). */
    DISCIPLINARY_SANCTION("纪律处分", 2),
    /** Version 1 only (version 2: PROPOSE_FILING); like it, counts in no form until the review's sanction is imposed. */
    CASE_FILING("立案审查调查", 0),
    PROPOSE_FILING("拟立案审查调查", 0);

    /** The form of a measure that counts in none: no measure, or a filing whose outcome is not yet known. */
    public static final int NO_FORM = 0;

    private final String label;
    private final int form;

    Measure(String label, int form) {
        this.label = label;
        this.form = form;
    }

    public String label() {
        return label;
    }

    /**
     * 1 or 2 for the first or second form; {@link #NO_FORM} for NONE and for a filing: filing is not
     * itself a form, the sanction the review leads to is (light: second, heavy: third, transfer for
     * prosecution: fourth) and is counted when it is imposed.
     */
    public int form() {
        return form;
    }

    /**
     * Leaders approve a circulated criticism (it is read beyond the person) and everything from
     * admonishment up; the lighter first-form measures case-review decides.
     */
    public boolean needsLeaderApproval() {
        return compareTo(CIRCULATED_CRITICISM) >= 0;
    }
}
