package cn.jiandu.steps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one step of a process takes from a person: the fields it owns, and the fields its form
 * only shows (Tasklist may send those back; they are dropped, never stored). A start form is
 * the step {@link #START}. A declaration holds for every version of the process unless it names
 * the version tag of the model it belongs to: when a new version of a model changes a step,
 * running instances of the older version keep the older declaration.
 */
public record StepInput(String processKey, String step, Map<String, Field> takes, Set<String> shows,
        String versionTag) {

    public static final String START = "start";

    public static StepInput of(String processKey, String step, List<Field> takes, Set<String> shows) {
        Map<String, Field> byName = new LinkedHashMap<>();
        takes.forEach(field -> byName.put(field.name(), field));
        return new StepInput(processKey, step, Map.copyOf(byName), Set.copyOf(shows), null);
    }

    /** The same declaration, for the model of this version tag only (camunda:versionTag). */
    public StepInput forVersion(String tag) {
        return new StepInput(processKey, step, takes, shows, tag);
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(takes.get(name));
    }
}
