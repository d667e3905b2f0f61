package cn.jiandu.appeals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** notifyAppealOutcome: mails the approved outcome to the office (who serves it) and case-review. */
@Component("notifyAppealOutcomeDelegate")
class NotifyAppealOutcomeDelegate implements JavaDelegate {

    private final AppealRepository appeals;
    private final AppealMails mails;

    NotifyAppealOutcomeDelegate(AppealRepository appeals, AppealMails mails) {
        this.appeals = appeals;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        mails.outcome(appeals.find(number).orElseThrow(() -> new IllegalStateException("no appeal " + number)));
    }
}
