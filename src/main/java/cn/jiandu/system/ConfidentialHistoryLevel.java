package cn.jiandu.system;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * The engine's full history, except what must never be kept there: variables whose names are
 * confidential (a reporter's identity) leave no trace in ACT_HI_VARINST or ACT_HI_DETAIL on any
 * path, and submitted forms are not copied as form properties (ACT_HI_DETAIL rows of type
 * FormProperty, which the engine writes from every submitted String whatever its variable
 * becomes; the values are in the variable history already). Same id and name as "full", so an
 * existing database of history level full starts with it unchanged.
 */
final class ConfidentialHistoryLevel extends HistoryLevelFull {

    private final Set<String> confidential;

    ConfidentialHistoryLevel(Set<String> confidential) {
        this.confidential = Set.copyOf(confidential);
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
            return false;
        }
        if (entity instanceof VariableInstance variable && confidential.contains(variable.getName())) {
            return false;
        }
        return true;
    }
}
