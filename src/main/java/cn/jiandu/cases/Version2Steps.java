package cn.jiandu.cases;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.cases.CaseEnums.InquiryOutcome;
import cn.jiandu.cases.CaseEnums.VerificationOutcome;
import cn.jiandu.common.Vars;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What route version 2's steps write into the record besides their fields, and the rules that need the
 * record to check: the persons entered at inquiry or verification, the negative list of fault
 * tolerance, the measure for each person, the day the decision was served.
 */
@Component
class Version2Steps {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseRepository cases;
    private final CasePersons persons;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Version2Steps(CaseRepository cases, CasePersons persons, Clock clock, ApplicationEventPublisher events) {
        this.cases = cases;
        this.persons = persons;
        this.clock = clock;
        this.events = events;
    }

    void complete(DelegateTask task) {
        String caseNumber = Vars.caseNumber(task);
        switch (task.getTaskDefinitionKey()) {
            case SupervisionCaseProcess.INQUIRE_CASE -> enterPersons(task,
                    InquiryOutcome.LIGHT_HANDLING.name().equals(Vars.string(task, "inquiryOutcome"))
                            ? "函询结果为谈话提醒、批评教育等从轻处理时" : null);
            case SupervisionCaseProcess.VERIFY_CASE -> {
                String outcome = Vars.string(task, "verificationOutcome");
                enterPersons(task, VerificationOutcome.ACCOUNTABILITY.name().equals(outcome)
                        || VerificationOutcome.PROPOSE_FILING.name().equals(outcome)
                                ? "核实结论为问责或拟立案审查调查时" : null);
            }
            case SupervisionCaseProcess.REVIEW_FAULT_TOLERANCE -> {
                Map<String, Boolean> criteria = new LinkedHashMap<>();
                TaskInputRules.FAULT_TOLERANCE_CRITERIA.forEach(c -> criteria.put(c, Vars.isTrue(task, c)));
                FaultToleranceRules.check(Vars.string(task, "faultToleranceOutcome"), record(caseNumber).problemType(),
                        persons.of(caseNumber), criteria);
            }
            case SupervisionCaseProcess.DECIDE_ACCOUNTABILITY -> decide(task, record(caseNumber));
            case SupervisionCaseProcess.SERVE_DECISION -> {
                LocalDate servedOn = servedOn(task);
                persons.serve(caseNumber, servedOn);
                cases.recordService(caseNumber, servedOn);
                events.publishEvent(new CaseEvents.DecisionServed(caseNumber, completedBy(task)));
            }
            default -> {
            }
        }
    }

    private static String completedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    /**
     * The persons the step entered, unless the variable holds the record's persons as Jiandu last
     * showed them (nothing entered anew).
     */
    private void enterPersons(DelegateTask task, String requiredBecause) {
        Object entered = task.getVariable(CasePersons.VARIABLE);
        List<Person> recorded = persons.of(Vars.caseNumber(task));
        if (entered != null && !recorded.isEmpty() && Objects.equals(persons.json(recorded), entered.toString())) {
            return;
        }
        persons.enter(task, requiredBecause);
    }

    private void decide(DelegateTask task, CaseRecord record) {
        boolean lightHandling = InquiryOutcome.LIGHT_HANDLING.name().equals(record.inquiryOutcome());
        List<Person> decided = persons.decide(task, lightHandling);
        boolean anyoneAccountable = decided.stream().anyMatch(p -> p.measure() != Measure.NONE);
        if (!anyoneAccountable && Vars.string(task, "unitMeasure") == null) {
            throw new FormFieldValidationException(CasePersons.VARIABLE, "涉及人员均为不予问责（NONE），也未对党组织问责"
                    + "（unitMeasure）：无人问责的，请退回初步核实并以“予以了结”（CLOSE）办结，或为至少一人选择问责方式");
        }
    }

    /** A day, not in the future and not before the decision it serves. */
    private LocalDate servedOn(DelegateTask task) {
        Object value = task.getVariable("servedOn");
        LocalDate day = day(value).orElseThrow(() -> new FormFieldValidationException("servedOn",
                "送达日期（servedOn）不能为空，请写成 2026-03-01"));
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today)) {
            throw new FormFieldValidationException("servedOn", "送达日期（servedOn）不能晚于今天（" + DAY.format(today) + "）");
        }
        Optional<LocalDate> decided = decidedOn(task);
        if (decided.isPresent() && day.isBefore(decided.get())) {
            throw new FormFieldValidationException("servedOn", "送达日期（servedOn）不能早于作出问责决定的日期（"
                    + DAY.format(decided.get()) + "）");
        }
        return day;
    }

    private Optional<LocalDate> day(Object value) {
        if (value instanceof Date date) {
            return Optional.of(date.toInstant().atZone(clock.getZone()).toLocalDate());
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException notADay) {
            try {
                return Optional.of(OffsetDateTime.parse(text.trim()).atZoneSameInstant(clock.getZone()).toLocalDate());
            } catch (DateTimeParseException unreadable) {
                throw new FormFieldValidationException("servedOn", "送达日期（servedOn）不是有效日期：请写成 2026-03-01");
            }
        }
    }

    /** The day the decision was last taken: decideAccountability, or the leaders' approval after it. */
    private Optional<LocalDate> decidedOn(DelegateTask task) {
        return task.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKeyIn(SupervisionCaseProcess.DECIDE_ACCOUNTABILITY,
                        SupervisionCaseProcess.APPROVE_ACCOUNTABILITY)
                .finished().list().stream().map(HistoricTaskInstance::getEndTime).filter(Objects::nonNull)
                .max(Date::compareTo).map(end -> end.toInstant().atZone(clock.getZone()).toLocalDate());
    }

    private CaseRecord record(String caseNumber) {
        return cases.findByNumber(caseNumber).orElseThrow();
    }
}
