package cn.jiandu.mail;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation for the outbox (docs/security.md): at start, a reporter's address still waiting to be sent and
 * sealed with an old key is sealed again with the current one, as the cases' identities are, so that the old
 * key can go. 200 mails per transaction; a run that stops halfway goes on at the next start.
 */
@Component
class OutboxKeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxKeyRotation.class);
    private static final int BATCH = 200;

    private final OutboxTable table;
    private final AddressSeal seal;
    private final TransactionTemplate transaction;

    OutboxKeyRotation(OutboxTable table, AddressSeal seal, TransactionTemplate transaction) {
        this.table = table;
        this.seal = seal;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resealWithTheCurrentKey() {
        int total = 0;
        List<Long> ids;
        do {
            ids = transaction.execute(status -> {
                List<Long> batch = table.sealedUnderOtherKey(seal.currentKeyId(), BATCH);
                for (long id : batch) {
                    OutboxMail mail = table.find(id).orElseThrow();
                    String context = OutboxMail.sealContext(mail.caseNumber());
                    table.reseal(id, seal.seal(context, seal.open(context, mail.sealedRecipient())));
                }
                return batch;
            });
            total += ids.size();
        } while (ids.size() == BATCH);
        if (total > 0) {
            LOG.info("待发送邮件中的举报人邮箱已用当前密钥 {} 重新加密：{} 封。", seal.currentKeyId(), total);
        }
    }
}
