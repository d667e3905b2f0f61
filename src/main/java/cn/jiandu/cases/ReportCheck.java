package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import cn.jiandu.steps.StepInputCheck;
import cn.jiandu.steps.StepInputException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The checks a report must pass however it arrives (API, start form, Java API): what must be there,
 * and the report's one declaration (SupervisionCaseSteps.REPORT: kinds, choices, lengths of the
 * columns) checked on the values the engine holds. The engine API gate checked the same declaration
 * before a client's start reached the engine; this is the guard for every other path. A failure is a
 * FormFieldValidationException, which the REST API and Tasklist show as a 400 with its message.
 */
final class ReportCheck {

    private ReportCheck() {
    }

    static void require(VariableScope report) {
        requireText(report, "title", "问题标题");
        requireText(report, "description", "问题描述");
        requireText(report, "unit", "涉及单位或社区");
        requireText(report, "source", "问题来源");
        Map<String, Object> values = new HashMap<>();
        SupervisionCaseSteps.REPORT.takes().keySet().forEach(name -> values.put(name, report.getVariable(name)));
        try {
            StepInputCheck.checkValues(SupervisionCaseSteps.REPORT, values);
        } catch (StepInputException refused) {
            throw new FormFieldValidationException(refused.field(), refused.getMessage());
        }
    }

    private static void requireText(VariableScope scope, String name, String label) {
        if (Vars.string(scope, name) == null) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能为空");
        }
    }

    static <E extends Enum<E>> void requireEnum(VariableScope scope, String name, String label, Class<E> type,
            boolean required) {
        String value = Vars.string(scope, name);
        if (value == null && !required) {
            return;
        }
        if (!CaseEnums.isValid(type, value)) {
            throw new FormFieldValidationException(name,
                    label + "（" + name + "）须为以下之一：" + String.join("、", CaseEnums.names(type)));
        }
    }
}
