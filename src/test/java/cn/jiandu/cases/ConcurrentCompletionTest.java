package cn.jiandu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.support.EmbeddedPostgres;
import cn.jiandu.support.Http;
import cn.jiandu.support.Http.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two officers complete the same task at the same moment: one succeeds, the other is told 409, nothing is half done. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class ConcurrentCompletionTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "concurrent_completion");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneOfTwoSimultaneousCompletionsWinsAndTheOtherGetsA409() throws Exception {
        Http http = new Http(port);
        for (int round = 0; round < 5; round++) {
            String caseNumber = http.post("intake1", "/api/cases", Map.of("title", "并发办理 " + round,
                    "description", "两人同时办理", "source", "HOTLINE", "unit", "某社区")).json()
                    .get("caseNumber").asText();
            String task = http.get("intake1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json()
                    .get(0).get("id").asText();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Answer>> both = List.of("PRELIMINARY_VERIFICATION", "CLOSE").stream()
                    .map(disposal -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return http.complete("intake1", task, Map.of("problemType", "OTHER", "severity", "MINOR",
                                "zone", "NORTH", "disposal", disposal, "triageComment", "同时提交"));
                    }))
                    .toList();
            start.countDown();
            List<Integer> statuses = both.stream().map(CompletableFuture::join).map(Answer::status).sorted().toList();

            assertThat(statuses).containsExactly(204, 409);
            Answer loser = both.stream().map(CompletableFuture::join).filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(loser.json().get("message").asText()).contains("已由他人办理");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL",
                    Integer.class, task)).isEqualTo(1);
            String disposal = jdbc.queryForObject("SELECT disposal FROM jd_case WHERE case_number = ?", String.class,
                    caseNumber);
            String stage = jdbc.queryForObject("SELECT stage FROM jd_case WHERE case_number = ?", String.class, caseNumber);
            // Route version 2: either disposal waits for the leaders' approval, once, of the winner's disposal.
            assertThat(stage).isEqualTo("DISPOSAL_APPROVAL");
            JsonNode approvals = http.get("leader1", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json();
            assertThat(approvals).hasSize(1);
            assertThat(approvals.get(0).get("taskDefinitionKey").asText()).isEqualTo("approveDisposal");
            assertThat(jdbc.queryForObject("SELECT TEXT_ FROM ACT_RU_VARIABLE WHERE NAME_ = 'disposal' AND PROC_INST_ID_ = ?",
                    String.class, approvals.get(0).get("processInstanceId").asText())).isEqualTo(disposal);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
