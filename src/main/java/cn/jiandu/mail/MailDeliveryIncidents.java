package cn.jiandu.mail;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps a mail's status in step with the incident of its delivery: when the retries of deliverMail
 * run out the mail is FAILED; when an administrator retries the incident (Cockpit, or
 * ManagementService#setJobRetries) it is PENDING again. Added beside the engine's own handler of
 * failed jobs (composite incident handlers), which still creates and resolves the incident.
 */
@Component
class MailDeliveryIncidents extends AbstractProcessEnginePlugin implements IncidentHandler {

    private final ObjectProvider<OutboxTable> table;

    MailDeliveryIncidents(ObjectProvider<OutboxTable> table) {
        this.table = table;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCompositeIncidentHandlersEnabled(true);
        List<IncidentHandler> custom = configuration.getCustomIncidentHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
        custom.add(this);
        configuration.setCustomIncidentHandlers(custom);
    }

    @Override
    public String getIncidentHandlerType() {
        return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        Long mailId = mailOf(context);
        if (mailId != null) {
            table.getObject().changeStatus(mailId, MailStatus.PENDING, MailStatus.FAILED);
        }
        return null;
    }

    @Override
    public void resolveIncident(IncidentContext context) {
        Long mailId = mailOf(context);
        if (mailId != null) {
            table.getObject().changeStatus(mailId, MailStatus.FAILED, MailStatus.PENDING);
        }
    }

    @Override
    public void deleteIncident(IncidentContext context) {
        // A cancelled delivery leaves the mail FAILED: an administrator gave up on it.
    }

    private static Long mailOf(IncidentContext context) {
        // A resolving context names no activity; the execution tells which process the job belongs to.
        if (context.getExecutionId() == null) {
            return null;
        }
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                .findExecutionById(context.getExecutionId());
        if (execution == null
                || !MailDeliveryProcess.PROCESS_KEY.equals(execution.getProcessDefinition().getKey())) {
            return null;
        }
        return MailDeliveryProcess.mailId(execution.getVariable(MailDeliveryProcess.MAIL_ID));
    }
}
