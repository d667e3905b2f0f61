package cn.jiandu.notices;

import cn.jiandu.cases.SupervisionCaseProcess;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The cases' side of a bulletin in the engine: which case is waiting for one (route version 2, receive task
 * awaitBulletin), and the message that ends the wait. Asked as the system: publicity may start a bulletin
 * without being allowed to read the cases' process instances.
 */
@Component
class CasesAwaitingBulletin {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    CasesAwaitingBulletin(RuntimeService runtimeService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /** Whether the case's process waits for a bulletin (a version-1 case publishes its own notice instead). */
    boolean waiting(String caseNumber) {
        return asSystem(() -> runtimeService.createExecutionQuery()
                .processDefinitionKey(SupervisionCaseProcess.PROCESS_KEY).processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(SupervisionCaseProcess.CASE_NAMED_IN_BULLETIN).count() > 0);
    }

    boolean running(String processInstanceId) {
        return asSystem(() -> runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .count() > 0);
    }

    /**
     * Tells the case it was named: its wait ends and it closes. A case that no longer waits (it moved on, or a
     * retry finds it told already) is left alone; a suspended one fails the step, to be retried once an
     * administrator has activated it, rather than stay waiting for a bulletin that is out.
     */
    void named(String caseNumber, long bulletinId) {
        boolean suspended = asSystem(() -> runtimeService.createExecutionQuery()
                .processDefinitionKey(SupervisionCaseProcess.PROCESS_KEY).processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName(SupervisionCaseProcess.CASE_NAMED_IN_BULLETIN).suspended().count() > 0);
        if (suspended) {
            throw new IllegalStateException("案件 " + caseNumber + " 的办理流程已被挂起，无法结束其“等待通报曝光”环节。"
                    + "请在 Cockpit 中激活该流程实例后重试本作业。");
        }
        runtimeService.createMessageCorrelation(SupervisionCaseProcess.CASE_NAMED_IN_BULLETIN)
                .processInstanceBusinessKey(caseNumber)
                .setVariable(BulletinProcess.BULLETIN_ID, bulletinId)
                .correlateAll();
    }

    private <T> T asSystem(Supplier<T> query) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (before != null) {
                identityService.setAuthentication(before);
            }
        }
    }
}
