package cn.jiandu.appeals;

import static cn.jiandu.appeals.DecidedCases.today;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The appeal as Tasklist and other clients meet it over /engine-rest: case-review files it through the
 * start form, a value the step does not take is a 400 naming the field, an appeal out of time a 400 saying
 * why, and review1 and leader1 carry the appeal to its end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:appeal-over-http;DB_CLOSE_DELAY=-1"})
class AccountabilityAppealOverHttpTest {

    private static final String SUBMIT = "/engine-rest/process-definition/key/accountabilityAppeal/submit-form";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonRepository persons;
    @Autowired
    TaskService taskService;

    @Test
    void caseReviewAndLeadersCarryAnAppealThroughTheRestApiHeldToTheStepsFields() {
        Http http = new Http(port);
        DecidedCases cases = new DecidedCases(jdbc, persons);
        String caseNumber = cases.caseServedOn(today().minusDays(3), Measure.ADMONISHMENT, Measure.NONE);

        Answer late = http.post("review1", SUBMIT, filing(caseNumber, today().plusDays(1).minusMonths(2).toString()));
        assertThat(late.status()).as(late.body()).isEqualTo(400);
        Answer tooLate = http.post("review1", SUBMIT, filing(
                cases.caseServedOn(today().minusMonths(3), Measure.ADMONISHMENT, Measure.NONE), today().toString()));
        assertThat(tooLate.status()).as(tooLate.body()).isEqualTo(400);
        assertThat(tooLate.json().get("message").asText()).contains("申诉已超过期限");
        assertThat(http.post("north1", SUBMIT, filing(caseNumber, today().toString())).status()).isEqualTo(403);

        Answer filed = http.post("review1", SUBMIT, filing(caseNumber, today().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        String instance = filed.json().get("id").asText();
        Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();

        Answer ignored = http.post("review1", "/engine-rest/task/" + review.getId() + "/submit-form", Map.of(
                "variables", Map.of("appealOutcome", Map.of("value", "IGNORE"),
                        "reviewReason", Map.of("value", "不予理会"))));
        assertThat(ignored.status()).as(ignored.body()).isEqualTo(400);
        assertThat(ignored.json().get("message").asText()).contains("appealOutcome", "UPHELD（维持）");
        Answer written = http.post("review1", "/engine-rest/task/" + review.getId() + "/submit-form", Map.of(
                "variables", Map.of("appealOutcome", Map.of("value", "UPHELD"),
                        "servedOn", Map.of("value", "2020-01-01"))));
        assertThat(written.status()).as(written.body()).isEqualTo(400);
        assertThat(written.json().get("message").asText()).contains("servedOn");

        assertThat(http.post("review1", "/engine-rest/task/" + review.getId() + "/submit-form", Map.of(
                "variables", Map.of("appealOutcome", Map.of("value", "CHANGED"),
                        "newMeasure", Map.of("value", "CRITICISM_EDUCATION"),
                        "reviewReason", Map.of("value", "已整改，情节较轻"))))
                .status()).isEqualTo(204);
        Task approval = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("approveAppeal");
        assertThat(http.post("review1", "/engine-rest/task/" + approval.getId() + "/submit-form", Map.of(
                "variables", Map.of("appealApproved", Map.of("value", true, "type", "Boolean")))).status())
                .isEqualTo(403);
        Answer approved = http.post("leader1", "/engine-rest/task/" + approval.getId() + "/submit-form", Map.of(
                "variables", Map.of("appealApproved", Map.of("value", true, "type", "Boolean"))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);

        assertThat(cases.measureOf(caseNumber, 1)).isEqualTo(Measure.CRITICISM_EDUCATION);
        assertThat(jdbc.queryForObject("SELECT outcome || ':' || approved_by FROM jd_appeal WHERE case_number = ?",
                String.class, caseNumber)).isEqualTo("CHANGED:leader1");
    }

    private static Map<String, Object> filing(String caseNumber, String receivedOn) {
        return Map.of("variables", Map.of(
                "caseNumber", Map.of("value", caseNumber),
                "personName", Map.of("value", "张三"),
                "receivedOn", Map.of("value", receivedOn),
                "appealReason", Map.of("value", "本人已及时整改，问责过重")));
    }
}
