package cn.jiandu.mail;

import cn.jiandu.steps.StepCatalog;
import cn.jiandu.steps.StepInput;
import java.util.List;
import org.springframework.stereotype.Component;

/** mailDelivery takes nothing from people: the outbox starts one per mail, and nobody else may. */
@Component
class MailSteps implements StepCatalog {

    @Override
    public List<StepInput> steps() {
        return List.of();
    }

    @Override
    public List<String> processesWithoutPeople() {
        return List.of(MailDeliveryProcess.PROCESS_KEY);
    }
}
