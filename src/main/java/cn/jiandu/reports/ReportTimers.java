package cn.jiandu.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the report timers on the configured schedule. The models are deployed only when they
 * change, so a timer created under an earlier jiandu.reports.daily-time would keep it: at start-up
 * a timer due later than the schedule says is recalculated from ${reportSchedule...}. A timer
 * already due is left to fire. The engine re-evaluates the cycle when a timer fires
 * (reevaluate-time-cycle-when-due), so the following ones keep to the new time too.
 */
@Component
class ReportTimers {

    private static final Logger log = LoggerFactory.getLogger(ReportTimers.class);

    private final ManagementService managementService;
    private final ReportSchedule schedule;
    private final Clock clock;

    ReportTimers(ManagementService managementService, ReportSchedule schedule, Clock clock) {
        this.managementService = managementService;
        this.schedule = schedule;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    public void keepToSchedule() {
        Instant now = clock.instant();
        keep(ReportProcesses.DAILY_PROCESS_KEY, now, schedule::nextDaily);
        keep(ReportProcesses.WEEKLY_PROCESS_KEY, now, schedule::nextWeekly);
    }

    private void keep(String processKey, Instant now, UnaryOperator<Instant> next) {
        Instant expected = next.apply(now);
        for (Job timer : managementService.createJobQuery().processDefinitionKey(processKey).timers().list()) {
            Instant due = timer.getDuedate().toInstant();
            if (due.isAfter(now) && !due.equals(expected)) {
                managementService.recalculateJobDuedate(timer.getId(), false);
                log.info("Timer of {} moved from {} to the configured schedule", processKey, due);
            }
        }
    }
}
