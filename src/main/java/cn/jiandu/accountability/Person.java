package cn.jiandu.accountability;

import java.time.LocalDate;

/**
 * One person of a case, held accountable one by one: who they are and the responsibility they bear
 * (entered by the team), whether they offend again (proposed by Jiandu, confirmed by the officer), and
 * what was decided for them, heard from them and served on them. Null means not (yet) recorded.
 *
 * @param position order in the case, from 1
 */
public record Person(
        int position,
        String name,
        String unit,
        String post,
        CadreLevel level,
        Boolean partyMember,
        Boolean publicServant,
        Responsibility responsibility,
        Boolean repeatOffence,
        Boolean repeatOffenceProposed,
        Measure recommendedMeasure,
        Measure measure,
        Boolean leaderApprovalRequired,
        String defenceRecord,
        LocalDate servedOn) {

    /** A person as a step enters them, before anything is proposed or decided. */
    public static Person entered(int position, String name, String unit, String post, CadreLevel level,
            Boolean partyMember, Boolean publicServant, Responsibility responsibility, Boolean repeatOffence) {
        return new Person(position, name, unit, post, level, partyMember, publicServant, responsibility,
                repeatOffence, null, null, null, null, null, null);
    }

    public Person withRepeatOffenceProposed(boolean proposed) {
        return new Person(position, name, unit, post, level, partyMember, publicServant, responsibility,
                repeatOffence, proposed, recommendedMeasure, measure, leaderApprovalRequired, defenceRecord, servedOn);
    }
}
