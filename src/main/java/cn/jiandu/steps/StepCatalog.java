package cn.jiandu.steps;

import java.util.List;

/** The steps of one feature's processes that take input from people; each feature has one. */
public interface StepCatalog {

    List<StepInput> steps();

    /** Jiandu's processes of this feature that no person starts or works (a timer or Jiandu starts them). */
    default List<String> processesWithoutPeople() {
        return List.of();
    }
}
