package cn.jiandu.accountability;

import java.util.List;

/**
 * Whether leaders must approve an accountability decision: when the DMN's recommendation says so
 * (then even a lighter measure chosen by case-review goes to them), or when a measure chosen for
 * anyone needs them ({@link Measure#needsLeaderApproval()}: a circulated criticism, admonishment or heavier).
 */
public final class AccountabilityRules {

    private AccountabilityRules() {
    }

    public static boolean needsLeaderApproval(boolean recommendationNeedsLeaders, Measure measure,
            Measure leaderMeasure) {
        return recommendationNeedsLeaders || heavy(measure) || heavy(leaderMeasure);
    }

    /**
     * Route version 2, person by person: leaders approve when the table said so for anyone (the row's
     * leaderApprovalRequired), when anyone's measure needs them, when the party organisation's measure
     * does ({@link UnitMeasure#needsLeaderApproval()}), and when the case is to be named publicly (a
     * 通报 always goes to leaders).
     */
    public static boolean needsLeaderApproval(List<Person> persons, UnitMeasure unitMeasure, boolean typicalCase) {
        return typicalCase
                || unitMeasure != null && unitMeasure.needsLeaderApproval()
                || persons.stream().anyMatch(p -> Boolean.TRUE.equals(p.leaderApprovalRequired()) || heavy(p.measure()));
    }

    private static boolean heavy(Measure measure) {
        return measure != null && measure.needsLeaderApproval();
    }
}
