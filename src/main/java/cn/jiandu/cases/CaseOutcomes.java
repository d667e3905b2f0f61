package cn.jiandu.cases;

import cn.jiandu.cases.CaseEnums.InquiryOutcome;
import cn.jiandu.cases.CaseEnums.VerificationOutcome;
import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.VariableScope;

/** How a case ended. */
final class CaseOutcomes {

    private CaseOutcomes() {
    }

    /** Route version 2, from the record: where the route left the case. */
    static CaseOutcome of(CaseRecord record) {
        if (record.handedOverAt() != null) {
            return CaseOutcome.REFERRED_FOR_INVESTIGATION;
        }
        if ("CLOSE".equals(record.disposal())) {
            return CaseOutcome.CLOSED_AT_TRIAGE;
        }
        if (InquiryOutcome.ACCEPTED.name().equals(record.inquiryOutcome())) {
            return CaseOutcome.INQUIRY_ACCEPTED;
        }
        if (VerificationOutcome.CLOSE.name().equals(record.verificationOutcome())) {
            return CaseOutcome.UNSUBSTANTIATED;
        }
        if (VerificationOutcome.REFER.name().equals(record.verificationOutcome())) {
            return CaseOutcome.REFERRED;
        }
        if ("EXEMPT".equals(record.faultToleranceOutcome()) && Boolean.TRUE.equals(record.faultToleranceApproved())) {
            return CaseOutcome.EXEMPTED;
        }
        return CaseOutcome.ACCOUNTABILITY;
    }

    /** Route version 1, read from the decisions that routed it. */
    static CaseOutcome ofVersion1(VariableScope variables) {
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
