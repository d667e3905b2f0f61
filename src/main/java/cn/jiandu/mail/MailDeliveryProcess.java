package cn.jiandu.mail;

/** Ids of processes/mail-delivery.bpmn that the Java side uses: one place, so a rename is one edit. */
public final class MailDeliveryProcess {

    public static final String PROCESS_KEY = "mailDelivery";
    public static final String DELIVER_MAIL = "deliverMail";
    /** The outbox row to send (Long). */
    public static final String MAIL_ID = "mailId";

    private MailDeliveryProcess() {
    }

    static String businessKey(long mailId) {
        return "mail-" + mailId;
    }

    static Long mailId(Object variable) {
        return variable instanceof Number number ? number.longValue() : null;
    }
}
