package cn.jiandu.admin;

import java.util.List;

/** What a migration would do (dry run) or has started (with batchId): per running instance, per active step. */
record MigrationReport(
        String processKey,
        Version from,
        Version to,
        List<Instruction> instructions,
        List<String> problems,
        List<Instance> instances,
        int instanceCount,
        int migratableCount,
        boolean ready,
        boolean dryRun,
        String batchId) {

    record Version(String definitionId, int version, String name) {
    }

    /** One step of the old version and where it goes; given = mapped by the request rather than by equal id. */
    record Instruction(String from, String to, boolean given) {
    }

    record Step(String activityId, String activityName, String mapsTo, boolean mappable, List<String> problems) {
    }

    record Instance(String processInstanceId, String businessKey, boolean migratable, List<Step> steps,
            List<String> problems) {
    }

    MigrationReport started(String newBatchId) {
        return new MigrationReport(processKey, from, to, instructions, problems, instances, instanceCount,
                migratableCount, ready, false, newBatchId);
    }
}
