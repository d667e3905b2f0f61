package cn.jiandu.reports;

import java.time.Clock;
import cn.jiandu.common.Vars;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * compileDailyReport / compileWeeklyBulletin (input reportKind): compiles the period whose cut-off
 * has just passed and stores it for review. A period already signed, or being handled by another
 * running instance (the timer fired twice after a change of schedule), is left alone.
 */
@Component("compileReportDelegate")
class CompileReportDelegate implements JavaDelegate {

    static final int SUMMARY_LIMIT = 3900;

    private final ReportService service;
    private final ReportRepository reports;
    private final ReportCompiler compiler;
    private final ReportSchedule schedule;
    private final Clock clock;

    CompileReportDelegate(ReportService service, ReportRepository reports, ReportCompiler compiler,
            ReportSchedule schedule, Clock clock) {
        this.service = service;
        this.reports = reports;
        this.compiler = compiler;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportKind kind = ReportKind.valueOf(Vars.string(execution, "reportKind"));
        Instant now = clock.instant();
        ReportPeriod period = service.duePeriod(kind, now);
        execution.setProcessBusinessKey(kind.name() + "-" + period.key());
        execution.setVariable("reportPeriod", period.key());
        execution.setVariable("reportTitle", kind.title() + "（" + period.label() + "）");
        execution.setVariable("reportLink", service.link(period));

        Optional<Report> existing = reports.find(kind, period.key());
        boolean handled = existing.isPresent() && (existing.get().status().isIssued()
                || runsElsewhere(execution, existing.get().processInstanceId()));
        execution.setVariable("reportAlreadyHandled", handled);
        if (handled) {
            execution.setVariable("reportId", existing.get().id());
            return;
        }
        ReportFigures figures = compiler.compile(period, OffsetDateTime.ofInstant(now, schedule.zone()));
        long id = reports.saveCompiled(period, figures, execution.getProcessInstanceId());
        String summary = ReportView.of(period, figures, null).summary();
        execution.setVariable("reportId", id);
        execution.setVariable("reportSummary",
                summary.length() <= SUMMARY_LIMIT ? summary : summary.substring(0, SUMMARY_LIMIT) + "……");
    }

    private static boolean runsElsewhere(DelegateExecution execution, String processInstanceId) {
        return processInstanceId != null && !processInstanceId.equals(execution.getProcessInstanceId())
                && execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(processInstanceId).count() > 0;
    }
}
