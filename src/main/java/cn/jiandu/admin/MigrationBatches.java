package cn.jiandu.admin;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.springframework.stereotype.Component;

/** The progress and failures of migration batches, from the engine's batch statistics and failed jobs. */
@Component
class MigrationBatches {

    record Progress(String batchId, int total, int completed, int remaining, int failed, boolean finished,
            String startedBy, Date startedAt, Date endedAt, List<Failure> failures) {
    }

    /** A migration job that failed; retriesLeft 0 means it waits for an administrator (Cockpit shows it as an incident). */
    record Failure(String jobId, String message, int retriesLeft) {
    }

    private final ManagementService managementService;
    private final HistoryService historyService;

    MigrationBatches(ManagementService managementService, HistoryService historyService) {
        this.managementService = managementService;
        this.historyService = historyService;
    }

    Optional<Progress> progress(String batchId) {
        HistoricBatch history = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
        if (history == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(history.getType())) {
            return Optional.empty();
        }
        BatchStatistics running = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (running == null) {
            int total = history.getTotalJobs();
            return Optional.of(new Progress(batchId, total, total, 0, 0, true, history.getCreateUserId(),
                    history.getStartTime(), history.getEndTime(), List.of()));
        }
        List<Failure> failures = managementService.createJobQuery().jobDefinitionId(running.getBatchJobDefinitionId())
                .withException().list().stream()
                .map(job -> new Failure(job.getId(), job.getExceptionMessage(), job.getRetries()))
                .toList();
        return Optional.of(new Progress(batchId, running.getTotalJobs(), running.getCompletedJobs(),
                running.getRemainingJobs(), running.getFailedJobs(), false, history.getCreateUserId(),
                history.getStartTime(), null, failures));
    }

    List<Progress> recent(int limit) {
        return historyService.createHistoricBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION)
                .orderByStartTime().desc().listPage(0, limit).stream()
                .map(batch -> progress(batch.getId()).orElseThrow())
                .toList();
    }
}
