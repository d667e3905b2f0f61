package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** registerCase: stores the case, gives it its number (the business key), flags an open duplicate. */
@Component("registerCaseDelegate")
class RegisterCaseDelegate implements JavaDelegate {

    static final String[] REPORTER_VARIABLES = {"reporterName", "reporterPhone", "reporterEmail"};

    private final CaseRepository cases;
    private final CaseNumberAllocator numbers;
    private final Clock clock;

    RegisterCaseDelegate(CaseRepository cases, CaseNumberAllocator numbers, Clock clock) {
        this.cases = cases;
        this.numbers = numbers;
        this.clock = clock;
    }

    /**
     * Who reported it: the user who started the case. Only a case started by Jiandu itself with
     * nobody logged in (an inspection's findings, reported by a job) names its reporter, from the
     * inspection's record.
     */
    private static String reporter(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return Vars.string(execution, "reportedBy");
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportCheck.require(execution);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String caseNumber = numbers.next(now.getYear());
        String title = Vars.string(execution, "title");
        String unit = Vars.string(execution, "unit");
        String problemType = Vars.string(execution, "problemType");
        String duplicate = cases.findOpenDuplicate(unit, problemType, title).orElse(null);
        boolean anonymous = Vars.isTrue(execution, "anonymous");

        cases.insert(new NewCase(caseNumber, execution.getProcessInstanceId(), title,
                Vars.string(execution, "description"), Vars.string(execution, "source"), unit,
                Vars.string(execution, "personsInvolved"), anonymous,
                anonymous ? null : ReporterIdentity.of(Vars.string(execution, "reporterName"),
                        Vars.string(execution, "reporterPhone"), Vars.string(execution, "reporterEmail")),
                reporter(execution), problemType, Vars.string(execution, "zone"), duplicate,
                Vars.string(execution, "idempotencyKey"), Vars.string(execution, "requestHash"), now));

        execution.setProcessBusinessKey(caseNumber);
        execution.setVariable("reportedBy", reporter(execution));
        execution.setVariable("caseNumber", caseNumber);
        execution.setVariable("anonymous", anonymous);
        if (duplicate != null) {
            execution.setVariable("possibleDuplicateOf", duplicate);
        }
        // The reporter's identity lives only in the protected record, never in the process.
        for (String name : REPORTER_VARIABLES) {
            execution.removeVariable(name);
        }
    }
}
