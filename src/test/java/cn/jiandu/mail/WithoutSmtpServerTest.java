package cn.jiandu.mail;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded default has no SMTP server: mails wait in the outbox, nothing fails, and the log says so. */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:without-smtp-server;DB_CLOSE_DELAY=-1"})
@ExtendWith(OutputCaptureExtension.class)
class WithoutSmtpServerTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDeliveries deliveries;
    @Autowired
    MailSettings settings;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void mailsStayPendingWithoutADeliveryAndTheApplicationSaysWhy(CapturedOutput output) {
        Assertions.assertThat(settings.deliveryEnabled()).isFalse();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.record("CASE_OUTCOME",
                "JD-2026-99999", List.of("reporter@example.cn"), "您反映的问题（JD-2026-99999）已办结", "case-outcome",
                Map.of("reporterName", "王某", "caseNumber", "JD-2026-99999", "title", "某小区未落实封闭管理",
                        "outcomeLabel", "经研判，予以了结")));

        Assertions.assertThat(jdbc.queryForList("SELECT status FROM jd_mail_outbox WHERE case_number = 'JD-2026-99999'",
                String.class)).containsExactly("PENDING");
        deliveries.resumePending();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("mailDelivery").count())
                .isZero();
        Assertions.assertThat(managementService.createJobQuery().processDefinitionKey("mailDelivery").count()).isZero();
        // What start-up says (resumePending runs when the application is ready).
        Assertions.assertThat(output).contains("WARN").contains("未配置 SMTP 服务器：邮件保存在待发送队列中（当前 1 封）");
    }
}
