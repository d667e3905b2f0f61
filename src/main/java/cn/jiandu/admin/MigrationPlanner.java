package cn.jiandu.admin;

import cn.jiandu.admin.MigrationReport.Instance;
import cn.jiandu.admin.MigrationReport.Instruction;
import cn.jiandu.admin.MigrationReport.Step;
import cn.jiandu.admin.MigrationReport.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Works out a migration: the plan (equal ids, then the request's mappings), and for every running
 * instance whether each active step has a place in the new version. Steps that map are also tried
 * by the engine itself, in a transaction that is always rolled back, once per combination of active
 * steps, so that the dry run reports what the real run would meet.
 */
@Component
class MigrationPlanner {

    record Planned(MigrationPlan plan, MigrationReport report, List<String> instanceIds) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TransactionTemplate rolledBack;

    MigrationPlanner(RepositoryService repositoryService, RuntimeService runtimeService,
            PlatformTransactionManager transactions) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Planned plan(MigrationRequest request) {
        ProcessDefinition source = version(request.processKey(), request.fromVersion());
        ProcessDefinition target = request.toVersion() == null ? latest(request.processKey())
                : version(request.processKey(), request.toVersion());
        if (source.getId().equals(target.getId())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "源版本与目标版本相同（第 " + source.getVersion() + " 版），无需迁移");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Instruction> instructions = instructions(source, target, request, problems);
        MigrationPlan plan = build(source, target, instructions, problems);

        List<Instance> instances = new ArrayList<>();
        Map<String, List<String>> engineVerdicts = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (ProcessInstance instance : runningInstances(source, request.processInstanceIds())) {
            ids.add(instance.getId());
            instances.add(instance(instance, plan, instructions, engineVerdicts));
        }
        int migratable = (int) instances.stream().filter(Instance::migratable).count();
        MigrationReport report = new MigrationReport(request.processKey(), describe(source), describe(target),
                List.copyOf(instructions.values()), problems, instances, instances.size(), migratable,
                problems.isEmpty() && !instances.isEmpty() && migratable == instances.size(), request.isDryRun(), null);
        return new Planned(plan, report, ids);
    }

    private Map<String, Instruction> instructions(ProcessDefinition source, ProcessDefinition target,
            MigrationRequest request, List<String> problems) {
        Map<String, Instruction> instructions = new LinkedHashMap<>();
        for (MigrationInstruction equal : runtimeService.createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities().build().getInstructions()) {
            instructions.put(equal.getSourceActivityId(),
                    new Instruction(equal.getSourceActivityId(), equal.getTargetActivityId(), false));
        }
        var sourceModel = repositoryService.getBpmnModelInstance(source.getId());
        var targetModel = repositoryService.getBpmnModelInstance(target.getId());
        for (MigrationRequest.Mapping mapping : request.mappingsOrNone()) {
            if (!(sourceModel.getModelElementById(mapping.from()) instanceof FlowElement)) {
                problems.add("映射 " + mapping.from() + " → " + mapping.to() + "：第 " + source.getVersion() + " 版中没有环节 " + mapping.from());
            } else if (!(targetModel.getModelElementById(mapping.to()) instanceof FlowElement)) {
                problems.add("映射 " + mapping.from() + " → " + mapping.to() + "：第 " + target.getVersion() + " 版中没有环节 " + mapping.to());
            } else {
                instructions.put(mapping.from(), new Instruction(mapping.from(), mapping.to(), true));
            }
        }
        return instructions;
    }

    /** The plan the engine accepts; instructions it refuses are reported and left out. */
    private MigrationPlan build(ProcessDefinition source, ProcessDefinition target, Map<String, Instruction> instructions,
            List<String> problems) {
        try {
            return builder(source, target, instructions).build();
        } catch (MigrationPlanValidationException refused) {
            refused.getValidationReport().getInstructionReports().forEach(report -> {
                String from = report.getMigrationInstruction().getSourceActivityId();
                Instruction instruction = instructions.remove(from);
                problems.add("映射 " + from + " → " + (instruction == null ? "?" : instruction.to()) + " 无法执行："
                        + String.join("；", report.getFailures()));
            });
            return builder(source, target, instructions).build();
        }
    }

    private MigrationPlanBuilder builder(ProcessDefinition source, ProcessDefinition target,
            Map<String, Instruction> instructions) {
        MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
        for (Instruction instruction : instructions.values()) {
            builder = builder.mapActivities(instruction.from(), instruction.to());
        }
        return builder;
    }

    private Instance instance(ProcessInstance instance, MigrationPlan plan, Map<String, Instruction> instructions,
            Map<String, List<String>> engineVerdicts) {
        List<Step> steps = new ArrayList<>();
        collectSteps(runtimeService.getActivityInstance(instance.getId()), instructions, steps);
        boolean allMapped = steps.stream().allMatch(Step::mappable);
        List<String> problems = new ArrayList<>();
        if (allMapped) {
            String combination = new TreeSet<>(steps.stream().map(Step::activityId).toList()).toString();
            problems.addAll(engineVerdicts.computeIfAbsent(combination, any -> tryMigration(plan, instance.getId())));
        }
        return new Instance(instance.getId(), instance.getBusinessKey(), allMapped && problems.isEmpty(), steps, problems);
    }

    private void collectSteps(ActivityInstance scope, Map<String, Instruction> instructions, List<Step> steps) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            steps.add(step(child.getActivityId(), child.getActivityName(), instructions));
            collectSteps(child, instructions, steps);
        }
        for (TransitionInstance waiting : scope.getChildTransitionInstances()) {
            steps.add(step(waiting.getActivityId(), waiting.getActivityName(), instructions));
        }
    }

    private static Step step(String activityId, String name, Map<String, Instruction> instructions) {
        Instruction instruction = instructions.get(activityId);
        if (instruction == null) {
            return new Step(activityId, name, null, false, List.of("新版本中没有对应的环节：请在 mappings 中指明它迁往新版本的哪个环节"));
        }
        return new Step(activityId, name, instruction.to(), true, List.of());
    }

    /** The engine's verdict on migrating this instance, found by migrating it and rolling back. */
    private List<String> tryMigration(MigrationPlan plan, String processInstanceId) {
        return rolledBack.execute(status -> {
            status.setRollbackOnly();
            try {
                runtimeService.newMigration(plan).processInstanceIds(processInstanceId)
                        .skipCustomListeners().skipIoMappings().execute();
                return List.of();
            } catch (MigratingProcessInstanceValidationException refused) {
                List<String> failures = new ArrayList<>(refused.getValidationReport().getFailures());
                refused.getValidationReport().getActivityInstanceReports().forEach(report ->
                        report.getFailures().forEach(failure -> failures.add(report.getSourceScopeId() + "：" + failure)));
                refused.getValidationReport().getTransitionInstanceReports().forEach(report ->
                        report.getFailures().forEach(failure -> failures.add(report.getSourceScopeId() + "：" + failure)));
                return failures.stream().map(failure -> "引擎校验未通过：" + failure).toList();
            } catch (ProcessEngineException failed) {
                return List.of("引擎试迁移失败：" + failed.getMessage());
            }
        });
    }

    private List<ProcessInstance> runningInstances(ProcessDefinition source, List<String> only) {
        ProcessInstanceQuery query = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId());
        if (only != null && !only.isEmpty()) {
            query = query.processInstanceIds(new HashSet<>(only));
        }
        return query.orderByProcessInstanceId().asc().list();
    }

    private ProcessDefinition version(String key, int version) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).withoutTenantId().singleResult();
        if (definition == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "流程 " + key + " 没有第 " + version + " 版");
        }
        return definition;
    }

    private ProcessDefinition latest(String key) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().withoutTenantId().singleResult();
        if (definition == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有标识为 " + key + " 的流程");
        }
        return definition;
    }

    private static Version describe(ProcessDefinition definition) {
        return new Version(definition.getId(), definition.getVersion(), definition.getName());
    }
}
