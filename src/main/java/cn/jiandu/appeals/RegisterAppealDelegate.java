package cn.jiandu.appeals;

import cn.jiandu.common.Vars;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * registerAppeal: stores the appeal and numbers it after its case (the business key), or refuses it.
 * Runs in the start's transaction, so a refused appeal leaves no process instance behind.
 */
@Component("registerAppealDelegate")
class RegisterAppealDelegate implements JavaDelegate {

    private final AppealRegistration registration;
    private final ZoneId zone;

    RegisterAppealDelegate(AppealRegistration registration, Clock clock) {
        this.registration = registration;
        this.zone = clock.getZone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        AppealRegistration.Registered appeal = registration.register(new AppealRegistration.Filed(
                required(execution, "caseNumber", "案件编号"), required(execution, "personName", "申诉人姓名"),
                receivedOn(execution), required(execution, "appealReason", "申诉理由"),
                Vars.string(execution, "recordedBy"), execution.getProcessInstanceId()));
        execution.setProcessBusinessKey(appeal.appealNumber());
        execution.setVariable("appealId", appeal.id());
        execution.setVariable("appealNumber", appeal.appealNumber());
        execution.setVariable("personName", appeal.person().name());
        execution.setVariable("currentMeasure", appeal.person().measure().name());
        execution.setVariable("servedOn", appeal.person().servedOn().toString());
        execution.setVariable("appealDueDate", appeal.decisionDue());
        // Reminder mails read "title" as they do for a case.
        execution.setVariable("title", "申诉复查：" + appeal.person().name() + "（" + Vars.string(execution, "caseNumber") + "）");
    }

    private LocalDate receivedOn(DelegateExecution execution) {
        Object value = execution.getVariable("receivedOn");
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = required(execution, "receivedOn", "收到申诉日期");
        try {
            // The gate accepts a day or a day with a time; the day is what was written on the receipt.
            LocalDate day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            execution.setVariable("receivedOn", day.toString());
            return day;
        } catch (DateTimeParseException e) {
            throw new FormFieldValidationException("receivedOn", "收到申诉日期（receivedOn）不是有效日期，请写成 2026-03-01");
        }
    }

    private static String required(DelegateExecution execution, String name, String label) {
        String value = Vars.string(execution, name);
        if (value == null) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能为空");
        }
        return value;
    }
}
