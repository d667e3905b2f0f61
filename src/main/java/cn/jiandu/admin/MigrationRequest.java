package cn.jiandu.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * POST /api/admin/migrations: move the running instances of one version of a process to another
 * (the latest by default). Steps keep their id unless a mapping says where they go. A dry run
 * (the default) only reports; dryRun=false starts the migration as a batch.
 */
record MigrationRequest(
        @NotBlank(message = "请填写流程标识（processKey），例如 supervisionCase")
        @Size(max = 255, message = "流程标识不能超过 255 个字符") String processKey,
        @NotNull(message = "请填写要迁移的版本（fromVersion）") @Positive(message = "版本号须为正整数") Integer fromVersion,
        @Positive(message = "版本号须为正整数") Integer toVersion,
        @Size(max = 1000, message = "映射最多 1000 条") List<@Valid Mapping> mappings,
        @Size(max = 10000, message = "一次最多迁移 10000 个实例")
        List<@Size(max = 64, message = "实例 id 不能超过 64 个字符") String> processInstanceIds,
        Boolean dryRun) {

    /** Ids of the models' steps: at most 255 characters, as the engine stores them. */
    record Mapping(@NotBlank(message = "映射须写明旧版本的环节 id（from）")
            @Size(max = 255, message = "环节 id 不能超过 255 个字符") String from,
            @NotBlank(message = "映射须写明新版本的环节 id（to）")
            @Size(max = 255, message = "环节 id 不能超过 255 个字符") String to) {
    }

    List<Mapping> mappingsOrNone() {
        return mappings == null ? List.of() : mappings;
    }

    boolean isDryRun() {
        return dryRun == null || dryRun;
    }
}
