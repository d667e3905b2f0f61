package cn.jiandu.mail;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** deliverMail: sends the outbox mail of this delivery; a failure is retried by the engine, then an incident. */
@Component("deliverMailDelegate")
class DeliverMailDelegate implements JavaDelegate {

    private final SmtpDelivery smtp;

    DeliverMailDelegate(SmtpDelivery smtp) {
        this.smtp = smtp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long mailId = MailDeliveryProcess.mailId(execution.getVariable(MailDeliveryProcess.MAIL_ID));
        if (mailId == null) {
            throw new IllegalStateException("投递流程缺少变量 " + MailDeliveryProcess.MAIL_ID);
        }
        smtp.deliver(mailId);
    }
}
