package cn.jiandu.common;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables, so that no delegate casts by hand. */
public final class Vars {

    private Vars() {
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public static boolean isTrue(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    public static Date date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Date date ? date : null;
    }

    /**
     * The case number: the business key of the supervisionCase instance, which registerCase sets
     * and no client can change. Never the variable of that name, which any task holder could write.
     */
    public static String caseNumber(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return execution.getProcessBusinessKey();
        }
        if (scope instanceof DelegateTask task && task.getExecution() != null) {
            return task.getExecution().getProcessBusinessKey();
        }
        throw new IllegalStateException("no process instance to find the case by: " + scope);
    }
}
