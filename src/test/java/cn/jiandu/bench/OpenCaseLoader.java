package cn.jiandu.bench;

import cn.jiandu.JianduApplication;
import cn.jiandu.cases.SupervisionCaseProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the database up to a number of open cases quickly: real supervisionCase instances started
 * and worked with the engine's own API inside Jiandu's application context (registerCase stores
 * jd_case, listeners keep the stage, timers and due dates are set), in batches of one transaction
 * each instead of one HTTP request and one commit per step. One thread reports, another works
 * the reported cases on to their stage, so that both cores are busy.
 *
 * <p>Run as its own JVM by {@link BenchmarkRun}: {@code OpenCaseLoader <open cases> [spring args]}.
 * Mix of the open cases across the stages of route version 2: 10 % at triage, 10 % waiting for the
 * leaders' approval of the disposal (DISPOSAL_APPROVAL), 10 % on hold, 10 % at inquiry, 50 % at
 * verification (due date, reminder and overdue timers), 10 % at the accountability decision (due
 * date, timers). BenchmarkRun passes a decision deadline as long as the verification's, so that,
 * loaded within the hour, the two kinds of due date interleave as they do when cases arrive over weeks.
 */
public final class OpenCaseLoader {

    enum Plan { TRIAGE, DISPOSAL_APPROVAL, HOLD, INQUIRY, VERIFICATION, DECISION }

    private record Reported(String processInstanceId, Plan plan, String zone) {
    }

    private static final int BATCH = 100;
    private static final List<Reported> END = List.of();

    public static void main(String[] args) throws Exception {
        int target = Integer.parseInt(args[0]);
        String[] springArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JianduApplication.class)
                // Camunda's REST and webapp auto-configuration need a servlet container: any free port.
                .properties(Map.of("camunda.bpm.job-execution.enabled", "false", "server.port", "0",
                        "logging.level.root", "WARN"))
                .run(springArgs)) {
            new OpenCaseLoader(context).load(target);
        }
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    private OpenCaseLoader(ConfigurableApplicationContext context) {
        this.runtime = context.getBean(RuntimeService.class);
        this.tasks = context.getBean(TaskService.class);
        this.identity = context.getBean(IdentityService.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    private void load(int target) throws Exception {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM jd_case WHERE stage <> 'CLOSED'", Long.class);
        int missing = (int) Math.max(0, target - (open == null ? 0 : open));
        System.out.printf("open cases: %d, adding %d%n", open, missing);
        if (missing == 0) {
            return;
        }
        BlockingQueue<List<Reported>> reported = new ArrayBlockingQueue<>(20);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        Thread worker = new Thread(() -> {
            try {
                List<Reported> batch;
                while ((batch = reported.take()) != END) {
                    List<Reported> work = batch;
                    transaction.executeWithoutResult(status -> work.forEach(this::workOn));
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "case-worker");
        worker.start();
        Random random = new Random(target);
        for (int done = 0; done < missing && failure.get() == null; done += BATCH) {
            int size = Math.min(BATCH, missing - done);
            int first = done;
            List<Reported> batch = transaction.execute(status -> {
                List<Reported> started = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    started.add(report(first + i, random));
                }
                return started;
            });
            reported.put(batch);
            if ((done + size) % 5000 < BATCH) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  %d reported in %.0f s (%.0f cases/s)%n", done + size, seconds, (done + size) / seconds);
            }
        }
        reported.put(END);
        worker.join();
        if (failure.get() != null) {
            throw new IllegalStateException("loading failed", failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("added %d open cases in %.0f s (%.0f cases/s)%n", missing, seconds, missing / seconds);
    }

    private Reported report(int n, Random random) {
        int slot = n % 10;
        Plan plan = slot == 0 ? Plan.TRIAGE : slot == 1 ? Plan.DISPOSAL_APPROVAL : slot == 2 ? Plan.HOLD
                : slot == 3 ? Plan.INQUIRY : slot < 9 ? Plan.VERIFICATION : Plan.DECISION;
        String zone = random.nextBoolean() ? "NORTH" : "SOUTH";
        String unit = "社区" + random.nextInt(5000);
        identity.setAuthentication("intake1", List.of("case-management"));
        try {
            String id = runtime.startProcessInstanceByKey(SupervisionCaseProcess.PROCESS_KEY, Variables.createVariables()
                    .putValue("title", unit + "防控问题 " + n)
                    .putValue("description", "批量载入的待办案件，用于在真实数据量下测量任务列表与日报")
                    .putValue("source", "INSPECTION")
                    .putValue("unit", unit)
                    .putValue("personsInvolved", "负责人某")
                    .putValue("anonymous", false)
                    .putValue("problemType", "INEFFECTIVE_PREVENTION")
                    .putValue("zone", zone)).getProcessInstanceId();
            return new Reported(id, plan, zone);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void workOn(Reported c) {
        if (c.plan() == Plan.TRIAGE) {
            return;
        }
        String disposal = switch (c.plan()) {
            case HOLD -> "HOLD";
            case INQUIRY -> "TALK_OR_LETTER_INQUIRY";
            default -> "PRELIMINARY_VERIFICATION";
        };
        complete(c, "triageCase", "intake1", "case-management", Map.of("problemType", "INEFFECTIVE_PREVENTION",
                "severity", "MINOR", "zone", c.zone(), "disposal", disposal, "triageComment", "批量研判"));
        if (c.plan() == Plan.DISPOSAL_APPROVAL) {
            return;
        }
        complete(c, "approveDisposal", "leader1", "leaders", Map.of("disposalApproved", true));
        if (c.plan() == Plan.DECISION) {
            String team = "SOUTH".equals(c.zone()) ? "team-south" : "team-north";
            complete(c, "verifyCase", "SOUTH".equals(c.zone()) ? "south1" : "north1", team, Map.of(
                    "verificationOutcome", "ACCOUNTABILITY", "findings", "问题属实", "persons", responsible(),
                    "emergencyAction", false, "faultToleranceRequested", false));
        }
    }

    /** The one person a verified case holds responsible, as a form's dynamic list sends it. */
    private static Object responsible() {
        return SpinValues.jsonValue("[{\"name\":\"负责人某\",\"unit\":\"批量载入单位\","
            + "\"post\":\"负责人\",\"level\":\"SECTION_OR_BELOW\",\"partyMember\":true,\"publicServant\":true,"
            + "\"responsibility\":\"DIRECT\",\"repeatOffence\":false}]").create();
    }

    private void complete(Reported c, String step, String user, String group, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(step)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no " + step + " for " + c);
        }
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
