package cn.jiandu.cases;

import cn.jiandu.common.Vars;
import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Source;
import cn.jiandu.cases.CaseEnums.Zone;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The checks a report must pass however it arrives (API or Tasklist start form). The API checks
 * the same rules earlier with bean validation; this is the engine-side guard. A failure is a
 * FormFieldValidationException, which the REST API and Tasklist show as a 400 with its message.
 */
final class ReportCheck {

    private ReportCheck() {
    }

    static void require(VariableScope report) {
        requireText(report, "title", "问题标题", 200);
        requireText(report, "description", "问题描述", 10000);
        requireText(report, "unit", "涉及单位或社区", 200);
        limitText(report, "personsInvolved", "涉及人员", 2000);
        requireEnum(report, "source", "问题来源", Source.class, true);
        requireEnum(report, "problemType", "问题类型", ProblemType.class, false);
        requireEnum(report, "zone", "片区", Zone.class, false);
    }

    private static void requireText(VariableScope scope, String name, String label, int max) {
        String value = Vars.string(scope, name);
        if (value == null) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能为空");
        }
        if (value.length() > max) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能超过 " + max + " 个字");
        }
    }

    private static void limitText(VariableScope scope, String name, String label, int max) {
        String value = Vars.string(scope, name);
        if (value != null && value.length() > max) {
            throw new FormFieldValidationException(name, label + "（" + name + "）不能超过 " + max + " 个字");
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
