package cn.jiandu.admin;

import java.util.Collection;

/** What a model may refer to: the groups, components, forms and decisions Jiandu has. */
interface KnownToJiandu {

    /** What a component named in a model is used as; each role needs a component of its own kind. */
    enum Role {
        SERVICE_TASK("服务任务的实现"),
        EXECUTION_LISTENER("执行监听器"),
        TASK_LISTENER("任务监听器");

        final String label;

        Role(String label) {
            this.label = label;
        }
    }

    boolean groupExists(String groupId);

    Collection<String> groupIds();

    boolean componentExists(String name);

    boolean componentFits(String name, Role role);

    /** The components a service task may name, to suggest when a model names one that does not exist. */
    Collection<String> delegateNames();

    /** Whether the form is deployed: its latest version, or the given one. */
    boolean formDeployed(String formId, Integer version);

    boolean decisionDeployed(String decisionKey);
}
