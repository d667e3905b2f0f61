package cn.jiandu.cases;

import cn.jiandu.accountability.Person;
import cn.jiandu.cases.CaseEnums.FaultToleranceOutcome;
import cn.jiandu.cases.CaseEnums.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a fault-tolerance review (容错纠错, 三个区分开来) may conclude, route version 2. The negative list is
 * never tolerated: a repeat offence of anyone in the case, personal gain (the criterion answered no, or
 * misuse of epidemic funds and supplies), concealment (缓报瞒报漏报). Exemption also needs all five
 * criteria met; mitigation at least the public interest and no personal gain.
 */
final class FaultToleranceRules {

    private static final String OUTCOME = "faultToleranceOutcome";

    private FaultToleranceRules() {
    }

    /**
     * @param criteria each criterion (TaskInputRules.FAULT_TOLERANCE_CRITERIA) as answered, false when not
     */
    static void check(String outcome, String problemType, List<Person> persons, Map<String, Boolean> criteria) {
        if (FaultToleranceOutcome.EXEMPT.name().equals(outcome)) {
            String repeatOffenders = persons.stream().filter(p -> Boolean.TRUE.equals(p.repeatOffence()))
                    .map(Person::name).collect(Collectors.joining("、"));
            if (!repeatOffenders.isEmpty()) {
                refuse("屡犯（" + repeatOffenders + "）属于负面清单，同类错误经提醒仍重复发生的不予免责");
            }
            if (!criteria.get("ftNoPersonalGain") || ProblemType.MISUSE_OF_FUNDS.name().equals(problemType)) {
                refuse("谋取私利（含贪污截留私分挪用防控款物）属于负面清单，不予免责");
            }
            if (ProblemType.CONCEALED_REPORTING.name().equals(problemType)) {
                refuse("缓报瞒报漏报疫情属于隐瞒实情，列入负面清单，不予免责");
            }
            List<String> unmet = TaskInputRules.FAULT_TOLERANCE_CRITERIA.stream().filter(c -> !criteria.get(c)).toList();
            if (!unmet.isEmpty()) {
                throw new FormFieldValidationException(OUTCOME, "免责须五项容错条件全部符合，以下未符合："
                        + String.join("、", unmet) + "。请选择从轻减轻（MITIGATE）或不予容错（NOT_APPLICABLE）");
            }
        }
        if (FaultToleranceOutcome.MITIGATE.name().equals(outcome)
                && !(criteria.get("ftPublicInterest") && criteria.get("ftNoPersonalGain"))) {
            throw new FormFieldValidationException(OUTCOME, "从轻减轻（MITIGATE）须至少出于公心、为了公共利益"
                    + "（ftPublicInterest）且未谋取私利（ftNoPersonalGain）；不符合的请选择不予容错（NOT_APPLICABLE）");
        }
    }

    private static void refuse(String why) {
        throw new FormFieldValidationException(OUTCOME, "不能免责（faultToleranceOutcome = EXEMPT）：" + why
                + "。请选择不予容错（NOT_APPLICABLE），或在符合条件时选择从轻减轻（MITIGATE）");
    }
}
