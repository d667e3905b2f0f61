package cn.jiandu.cases;

/**
 * What happens to a case that other features act on, published synchronously in the transaction of the
 * step that makes it happen: a listener that fails rolls the step back, so the case never moves on
 * without what hangs off it (the unit's rectification).
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** serveDecision completed: the decision was served on the persons by {@code servedBy}. */
    public record DecisionServed(String caseNumber, String servedBy) {
    }

    /** The case closed EXEMPTED; {@code closedBy} is the leader who approved the exemption, when known. */
    public record CaseExempted(String caseNumber, String closedBy) {
    }
}
