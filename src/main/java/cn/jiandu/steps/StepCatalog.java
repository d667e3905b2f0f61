package cn.jiandu.steps;

import java.util.List;
import java.util.Map;

/** The steps of one feature's processes that take input from people; each feature has one. */
public interface StepCatalog {

    List<StepInput> steps();

    /**
     * Lists Jiandu computes from its record for this feature's forms to show read-only (never taken from a
     * person), by process key: their rows' items, so that a form's table shows only what the list holds.
     */
    default Map<String, List<Field>> listsShown() {
        return Map.of();
    }

    /** Jiandu's processes of this feature that no person starts or works (a timer or Jiandu starts them). */
    default List<String> processesWithoutPeople() {
        return List.of();
    }
}
