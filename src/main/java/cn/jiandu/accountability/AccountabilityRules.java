package cn.jiandu.accountability;

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

    private static boolean heavy(Measure measure) {
        return measure != null && measure.needsLeaderApproval();
    }
}
