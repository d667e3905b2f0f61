package cn.jiandu.rectification;

import cn.jiandu.cases.CaseEvents;
import cn.jiandu.cases.CaseRecord;
import cn.jiandu.cases.CaseRepository;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case's rectification starts when its decision is served (the unit fixes what the case found) or when it
 * closes exempted with corrective measures (纠错). Listened to in the transaction of the step, so a start that
 * fails rolls the step back. Once per case and origin: a decision served again (after an appeal) starts
 * nothing new while the first rectification is open.
 */
@Component
class RectificationSources {

    /** How much of the case's findings the summary quotes: a sentence or two, the case page has the rest. */
    static final int FACTS_QUOTED = 300;

    private final CaseRepository cases;
    private final Rectifications rectifications;
    private final JdbcTemplate jdbc;

    RectificationSources(CaseRepository cases, Rectifications rectifications, JdbcTemplate jdbc) {
        this.cases = cases;
        this.rectifications = rectifications;
        this.jdbc = jdbc;
    }

    @EventListener
    void decisionServed(CaseEvents.DecisionServed served) {
        CaseRecord record = cases.findByNumber(served.caseNumber()).orElseThrow();
        if (hasOpen(record.caseNumber(), RectificationOrigin.DECISION)) {
            return;
        }
        String facts = record.findings() != null ? record.findings() : record.decisionReason();
        rectifications.start(source(record, RectificationOrigin.DECISION,
                facts == null ? record.title() : record.title() + "：" + quote(facts), served.servedBy()));
    }

    @EventListener
    void caseExempted(CaseEvents.CaseExempted exempted) {
        CaseRecord record = cases.findByNumber(exempted.caseNumber()).orElseThrow();
        if (record.correctiveMeasures() == null || record.correctiveMeasures().isBlank()
                || hasOpen(record.caseNumber(), RectificationOrigin.EXEMPTION)) {
            return;
        }
        rectifications.start(source(record, RectificationOrigin.EXEMPTION, record.correctiveMeasures().strip(),
                exempted.closedBy()));
    }

    private NewRectification source(CaseRecord record, RectificationOrigin origin, String summary, String by) {
        return new NewRectification(origin, record.caseNumber(), null, null, record.zone(), record.unit(),
                unitKind(record.caseNumber()), record.problemType(), summary, null, by);
    }

    private boolean hasOpen(String caseNumber, RectificationOrigin origin) {
        Integer open = jdbc.queryForObject("""
                SELECT COUNT(*) FROM jd_rectification WHERE case_number = ? AND origin = ?
                    AND state NOT IN ('COMPLETED', 'ESCALATED')""", Integer.class, caseNumber, origin.name());
        return open != null && open > 0;
    }

    /** The kind of unit, when an inspection found the case (a report from the public does not say). */
    private String unitKind(String caseNumber) {
        return jdbc.queryForList("""
                SELECT i.unit_kind FROM jd_inspection_finding f JOIN jd_inspection i ON i.id = f.inspection_id
                WHERE f.case_number = ?""", String.class, caseNumber).stream().findFirst().orElse(null);
    }

    private static String quote(String facts) {
        String text = facts.strip().replaceAll("\\s+", " ");
        return text.length() <= FACTS_QUOTED ? text : text.substring(0, FACTS_QUOTED - 1) + "…";
    }
}
