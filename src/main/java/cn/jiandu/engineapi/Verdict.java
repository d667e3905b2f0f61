package cn.jiandu.engineapi;

/** What the gate does with one call to the engine's API. */
sealed interface Verdict {

    /** Let it through: the engine's own authorizations decide. */
    record Pass() implements Verdict {
    }

    record Refuse(int status, String message) implements Verdict {
    }

    /** Completing a task (complete or submit-form): only the fields the task takes. */
    record WorkOnTask(String taskId) implements Verdict {
    }

    /** Claiming a task: only for oneself. */
    record Claim(String taskId) implements Verdict {
    }

    /** Starting a process (start or submit-form): only processes people start, with their start fields. */
    record Start(String definitionId, String definitionKey) implements Verdict {
    }

    /** An administrator's Tasklist filter: its query may hold only the expressions Jiandu's own filters use. */
    record SaveFilter() implements Verdict {
    }
}
