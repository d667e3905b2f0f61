package cn.jiandu.notices;

import cn.jiandu.accountability.CadreLevel;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.cases.SupervisionCaseProcess;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Typical cases as a bulletin meets them: the decision served, the case waiting at awaitBulletin (stage
 * NOTICE). The record is written straight into the tables and supervisionCase is started at the wait, since
 * driving each case through its whole route would test that process, not this one.
 */
final class TypicalCases {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 40_000) + 50_000);

    /** One person of a case, and the measure decided for them. */
    record Named(String name, String post, Responsibility responsibility, Measure measure) {
    }

    private final JdbcTemplate jdbc;
    private final PersonRepository persons;
    private final RuntimeService runtimeService;

    TypicalCases(JdbcTemplate jdbc, PersonRepository persons, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.runtimeService = runtimeService;
    }

    /** A case whose decision was served and which now waits for a bulletin; returns its number. */
    String waitingForBulletin(String unit, String title, String findings, Named... named) {
        String number = recorded(unit, title, findings, "NOTICE", true, named);
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(SupervisionCaseProcess.PROCESS_KEY)
                .businessKey(number)
                .startBeforeActivity(SupervisionCaseProcess.AWAIT_BULLETIN)
                .setVariables(Map.of("caseNumber", number, "disposal", "PRELIMINARY_VERIFICATION",
                        "verificationOutcome", "ACCOUNTABILITY", "substantiated", true, "typicalCase", true))
                .execute();
        jdbc.update("UPDATE jd_case SET process_instance_id = ? WHERE case_number = ?", instance.getId(), number);
        return number;
    }

    /** A case written into the record only, at the given stage: no process waits for a bulletin. */
    String recorded(String unit, String title, String findings, String stage, boolean typical, Named... named) {
        String number = "JD-2026-" + NEXT.incrementAndGet();
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        jdbc.update("""
                INSERT INTO jd_case (case_number, title, description, source, unit, anonymous, stage, problem_type,
                    severity, zone, findings, typical_case, reported_at, updated_at)
                VALUES (?, ?, '群众反映的问题', 'PUBLIC_REPORT', ?, FALSE, ?, 'FORMALISM_BUREAUCRATISM', 'SERIOUS',
                    'NORTH', ?, ?, ?, ?)""", number, title, unit, stage, findings, typical, now, now);
        List<Person> list = new java.util.ArrayList<>();
        for (int i = 0; i < named.length; i++) {
            list.add(Person.entered(i + 1, named[i].name(), unit, named[i].post(), CadreLevel.SECTION_OR_BELOW, true,
                    true, named[i].responsibility(), false));
        }
        persons.replace(number, list);
        for (int i = 0; i < named.length; i++) {
            persons.recordMeasure(number, i + 1, named[i].measure());
            persons.recordService(number, i + 1, LocalDate.now(SHANGHAI).minusDays(3));
        }
        return number;
    }

    String stageOf(String caseNumber) {
        return jdbc.queryForObject("SELECT stage FROM jd_case WHERE case_number = ?", String.class, caseNumber);
    }

    ProcessInstance instanceOf(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(SupervisionCaseProcess.PROCESS_KEY).singleResult();
    }
}
