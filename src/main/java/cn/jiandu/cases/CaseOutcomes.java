package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.VariableScope;

/** How a case ended, read from the decisions that routed it. */
final class CaseOutcomes {

    private CaseOutcomes() {
    }

    static CaseOutcome of(VariableScope variables) {
        String disposal = Vars.string(variables, "disposal");
        if ("CLOSE".equals(disposal)) {
            return CaseOutcome.CLOSED_AT_TRIAGE;
        }
        if ("TALK_OR_LETTER_INQUIRY".equals(disposal) && Vars.isTrue(variables, "inquirySatisfactory")) {
            return CaseOutcome.INQUIRY_SATISFACTORY;
        }
        if (!Vars.isTrue(variables, "substantiated")) {
            return CaseOutcome.UNSUBSTANTIATED;
        }
        if ("EXEMPT".equals(Vars.string(variables, "faultToleranceOutcome"))
                && Vars.isTrue(variables, "faultToleranceApproved")) {
            return CaseOutcome.EXEMPTED;
        }
        return CaseOutcome.ACCOUNTABILITY;
    }
}
