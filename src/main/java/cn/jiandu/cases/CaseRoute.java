package cn.jiandu.cases;

import cn.jiandu.accountability.Measure;
import cn.jiandu.cases.CaseEnums.VerificationOutcome;
import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Where route version 2 goes at its gateways, from Jiandu's record of the case (found by business
 * key), never from variables a client could have sent.
 */
@Component("caseRoute")
public class CaseRoute {

    private final CaseRepository cases;
    private final CasePersons persons;

    CaseRoute(CaseRepository cases, CasePersons persons) {
        this.cases = cases;
        this.persons = persons;
    }

    /** Before any decision, when the persons ask for it or the facts show emergency action (急事急办、特事特办). */
    public boolean faultToleranceReviewNeeded(DelegateExecution execution) {
        CaseRecord record = record(execution);
        return Boolean.TRUE.equals(record.emergencyAction()) || Boolean.TRUE.equals(record.faultToleranceRequested());
    }

    /** The case goes to filing (立案审查调查): verification proposed it, or the decision did for someone. */
    public boolean proposesFiling(DelegateExecution execution) {
        CaseRecord record = record(execution);
        return VerificationOutcome.PROPOSE_FILING.name().equals(record.verificationOutcome())
                || persons.of(record.caseNumber()).stream().anyMatch(p -> p.measure() == Measure.PROPOSE_FILING);
    }

    private CaseRecord record(DelegateExecution execution) {
        return cases.findByNumber(Vars.caseNumber(execution)).orElseThrow();
    }
}
