package cn.jiandu.mail;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the mailDelivery process that sends one outbox mail: with the mail, in the transaction that
 * records it, and at start-up for pending mails that have no delivery running (recorded while no
 * SMTP server was configured, or whose delivery an administrator cancelled).
 */
@Service
class MailDeliveries {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveries.class);

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final OutboxTable table;
    private final MailSettings settings;
    private final TransactionTemplate transaction;

    MailDeliveries(RuntimeService runtimeService, IdentityService identityService, OutboxTable table,
            MailSettings settings, PlatformTransactionManager transactionManager) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.table = table;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Starts the delivery of a mail, unless another one claimed it since {@code expected} was read. */
    boolean start(long mailId, String expected) {
        ProcessInstance delivery = asSystem(() -> runtimeService.startProcessInstanceByKey(
                MailDeliveryProcess.PROCESS_KEY, MailDeliveryProcess.businessKey(mailId),
                Map.of(MailDeliveryProcess.MAIL_ID, mailId)));
        return table.claimDelivery(mailId, expected, delivery.getId());
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    public void resumePending() {
        if (!settings.deliveryEnabled()) {
            log.warn("未配置 SMTP 服务器：邮件保存在待发送队列中（当前 {} 封），不会发出。"
                    + "设置 JIANDU_SMTP_HOST（及 JIANDU_SMTP_PORT、JIANDU_SMTP_USER 等）并重启后，待发送的邮件会自动发出。",
                    table.count(MailStatus.PENDING));
            return;
        }
        int started = 0;
        for (OutboxMail mail : table.pending()) {
            if (mail.deliveryId() != null && isRunning(mail.deliveryId())) {
                continue;
            }
            boolean claimed = Boolean.TRUE.equals(transaction.execute(status -> {
                if (start(mail.id(), mail.deliveryId())) {
                    return true;
                }
                status.setRollbackOnly();
                return false;
            }));
            started += claimed ? 1 : 0;
        }
        if (started > 0) {
            log.info("已为 {} 封待发送邮件启动投递", started);
        }
    }

    private boolean isRunning(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /**
     * A mail may be caused by whoever is logged in (a leader completing a task through the REST API);
     * its delivery is the system's, so it is started without that user's authorizations.
     */
    private <T> T asSystem(Supplier<T> work) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }
}
