package cn.jiandu.steps;

import java.util.List;

/** The steps of one feature's processes that take input from people; each feature has one. */
public interface StepCatalog {

    List<StepInput> steps();
}
