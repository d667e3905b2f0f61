package cn.jiandu.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * POST /api/admin/migrations: move the running instances of one version of a process to another
 * (the latest by default). Steps keep their id unless a mapping says where they go. A dry run
 * (the default) only reports; dryRun=false starts the migration as a batch.
 */
record MigrationRequest(
        @NotBlank(message = "请填写流程标识（processKey），例如 supervisionCase") String processKey,
        @NotNull(message = "请填写要迁移的版本（fromVersion）") @Positive Integer fromVersion,
        @Positive Integer toVersion,
        List<@Valid Mapping> mappings,
        List<String> processInstanceIds,
        Boolean dryRun) {

    record Mapping(@NotBlank(message = "映射须写明旧版本的环节 id（from）") String from,
            @NotBlank(message = "映射须写明新版本的环节 id（to）") String to) {
    }

    List<Mapping> mappingsOrNone() {
        return mappings == null ? List.of() : mappings;
    }

    boolean isDryRun() {
        return dryRun == null || dryRun;
    }
}
