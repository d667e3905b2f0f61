package cn.jiandu.steps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every step that takes input from people, found by process key, version tag and step id. */
@Component
public class StepInputs {

    private final Map<String, StepInput> byStep = new HashMap<>();
    private final Set<String> processes = new java.util.HashSet<>();

    StepInputs(List<StepCatalog> catalogs) {
        for (StepCatalog catalog : catalogs) {
            processes.addAll(catalog.processesWithoutPeople());
            for (StepInput step : catalog.steps()) {
                processes.add(step.processKey());
                if (byStep.put(key(step.processKey(), step.versionTag(), step.step()), step) != null) {
                    throw new IllegalStateException("step declared twice: " + step.processKey() + "/" + step.step());
                }
            }
        }
    }

    /**
     * Whether the process is one of Jiandu's: then every start and completion is held to its
     * declarations. A process an administrator deployed for other work is left to the engine's
     * authorizations.
     */
    public boolean isJianduProcess(String processKey) {
        return processes.contains(processKey);
    }

    public Optional<StepInput> find(String processKey, String step) {
        return find(processKey, null, step);
    }

    /** The declaration for this version of the model, else the one for every version. */
    public Optional<StepInput> find(String processKey, String versionTag, String step) {
        StepInput ofVersion = versionTag == null ? null : byStep.get(key(processKey, versionTag, step));
        return Optional.ofNullable(ofVersion != null ? ofVersion : byStep.get(key(processKey, null, step)));
    }

    /** Names of the fields that are checked, passed to the step as transient variables and never stored by the engine. */
    public Set<String> keptOutOfTheEngine() {
        return byStep.values().stream().flatMap(step -> step.takes().values().stream())
                .filter(Field::confidential).map(Field::name).collect(Collectors.toUnmodifiableSet());
    }

    public List<StepInput> all() {
        return List.copyOf(byStep.values());
    }

    private static String key(String processKey, String versionTag, String step) {
        return processKey + "/" + (versionTag == null ? "*" : versionTag) + "/" + step;
    }
}
