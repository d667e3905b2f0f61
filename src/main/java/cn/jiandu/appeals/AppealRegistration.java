package cn.jiandu.appeals;

import cn.jiandu.accountability.Measure;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Service;

/**
 * Registers an appeal received in writing: only against a decision that was made and served on a person
 * of the case, and only within the window after service. A refusal is a FormFieldValidationException
 * naming the field, which Tasklist and the REST API show as a 400 with its message; nothing is stored.
 */
@Service
class AppealRegistration {

    /** What the start form gave, already held to the step's fields and lengths by the gate. */
    record Filed(String caseNumber, String personName, LocalDate receivedOn, String reason, String recordedBy,
            String processInstanceId) {
    }

    record Registered(long id, String appealNumber, AppealRepository.CasePerson person, Date decisionDue) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final AppealRepository appeals;
    private final AppealProperties periods;
    private final Clock clock;

    AppealRegistration(AppealRepository appeals, AppealProperties periods, Clock clock) {
        this.appeals = appeals;
        this.periods = periods;
        this.clock = clock;
    }

    Registered register(Filed filed) {
        if (!appeals.caseExists(filed.caseNumber())) {
            throw new FormFieldValidationException("caseNumber", "没有编号为“" + filed.caseNumber() + "”的案件，请核对案件编号");
        }
        AppealRepository.CasePerson person = person(filed);
        appeals.appealOfPerson(person.id()).ifPresent(number -> {
            throw new FormFieldValidationException("personName", filed.personName() + "已就该问责决定提出申诉（"
                    + number + "），同一问责决定只受理一次申诉");
        });
        LocalDate today = LocalDate.now(clock);
        if (filed.receivedOn().isAfter(today)) {
            throw new FormFieldValidationException("receivedOn", "收到申诉日期（receivedOn）不能晚于今天");
        }
        if (filed.receivedOn().isBefore(person.servedOn())) {
            throw new FormFieldValidationException("receivedOn", "收到申诉日期（receivedOn）早于问责决定送达日期（"
                    + DAY.format(person.servedOn()) + "），请核对");
        }
        LocalDate lastDay = person.servedOn().plus(periods.window());
        if (filed.receivedOn().isAfter(lastDay)) {
            throw new FormFieldValidationException("receivedOn", "申诉已超过期限：问责决定于" + DAY.format(person.servedOn())
                    + "送达，应在" + DAY.format(lastDay) + "前（含当日）提出申诉，收到申诉日期为" + DAY.format(filed.receivedOn())
                    + "。超过期限的申诉不予受理。");
        }
        ZoneId zone = clock.getZone();
        // Due at the end of the last day of the period, in the commission's time zone.
        OffsetDateTime due = filed.receivedOn().plus(periods.decision()).plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        String number = filed.caseNumber() + "-A" + (appeals.countForCase(filed.caseNumber()) + 1);
        long id = appeals.insert(new AppealRepository.NewAppeal(number, filed.caseNumber(), person, filed.receivedOn(),
                filed.reason(), filed.recordedBy(), due, filed.processInstanceId(), OffsetDateTime.now(clock)));
        return new Registered(id, number, person, Date.from(due.toInstant()));
    }

    private AppealRepository.CasePerson person(Filed filed) {
        List<AppealRepository.CasePerson> named = appeals.personsNamed(filed.caseNumber(), filed.personName());
        if (named.isEmpty()) {
            throw new FormFieldValidationException("personName", "案件" + filed.caseNumber() + "的涉及人员中没有“"
                    + filed.personName() + "”，请按案件记录的姓名填写");
        }
        if (named.size() > 1) {
            // Same name twice in one case: the record cannot tell whose appeal it is, a person must.
            throw new FormFieldValidationException("personName", "案件" + filed.caseNumber() + "有" + named.size()
                    + "名涉及人员名为“" + filed.personName() + "”，无法确定申诉人，请联系案件审理室核实");
        }
        AppealRepository.CasePerson person = named.get(0);
        if (person.measure() == null || person.measure() == Measure.NONE) {
            throw new FormFieldValidationException("personName", "“" + filed.personName() + "”未被问责，没有可申诉的问责决定");
        }
        if (person.servedOn() == null) {
            throw new FormFieldValidationException("personName", "对“" + filed.personName() + "”的问责决定尚未送达，送达后方可申诉");
        }
        return person;
    }
}
