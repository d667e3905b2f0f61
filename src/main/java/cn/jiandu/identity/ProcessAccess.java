package cn.jiandu.identity;

import java.util.List;
import java.util.Map;

/**
 * What the commission's groups may do with one feature's processes: every feature with processes
 * declares it, and {@link IdentitySetup} grants it at start.
 */
public interface ProcessAccess {

    /** Keys of the processes every group reads (Tasklist shows their names, forms and diagrams). */
    List<String> readByEveryGroup();

    /** Keys of the processes only some groups read (those who work on them), by group. */
    default Map<String, List<String>> readBy() {
        return Map.of();
    }

    /** Keys of the processes each group may start, by group. */
    Map<String, List<String>> startedBy();
}
