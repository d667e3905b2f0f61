package cn.jiandu.notices;

import cn.jiandu.common.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * registerBulletin: records the bulletin with its cases and drafts its text from the record, or refuses
 * it. Runs in the start's transaction, so a refused bulletin leaves no process instance behind.
 */
@Component("registerBulletinDelegate")
class RegisterBulletinDelegate implements JavaDelegate {

    private final BulletinRegistration registration;
    private final BulletinPersons persons;

    RegisterBulletinDelegate(BulletinRegistration registration, BulletinPersons persons) {
        this.registration = registration;
        this.persons = persons;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BulletinRegistration.Registered bulletin = registration.register(new BulletinRegistration.Requested(
                Vars.string(execution, BulletinProcess.CASE_NUMBERS), Vars.string(execution, BulletinProcess.BULLETIN_TITLE),
                Vars.string(execution, BulletinProcess.REGISTERED_BY), execution.getProcessInstanceId()));
        execution.setVariable(BulletinProcess.BULLETIN_ID, bulletin.id());
        // As registered: one number a line, in the bulletin's order, for the forms to show.
        execution.setVariable(BulletinProcess.CASE_NUMBERS, String.join("\n", bulletin.caseNumbers()));
        execution.setVariable(BulletinPersons.VARIABLE, persons.of(bulletin.caseNumbers()));
        execution.setVariable(BulletinProcess.BULLETIN_TITLE, bulletin.title());
        execution.setVariable(BulletinProcess.BULLETIN_BODY, bulletin.body());
        // Reminder and approval mails read "title" as they do for a case.
        execution.setVariable("title", bulletin.title());
    }
}
