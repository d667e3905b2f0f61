package cn.jiandu.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.cases.CaseEnums;
import cn.jiandu.cases.CaseOutcome;
import cn.jiandu.cases.CaseStage;
import org.junit.jupiter.api.Test;

/**
 * Every stage and outcome a report counts has a Chinese name, in the order of its list: a code the
 * route adds must not reach the page or the 专报 as its English name.
 */
class ReportLabelsTest {

    @Test
    void everyStageOfBothVersionsHasItsNameInOrder() {
        assertThat(ReportLabels.STAGES.keySet()).containsExactlyElementsOf(CaseEnums.names(CaseStage.class));
        assertThat(ReportLabels.STAGES).containsEntry("DISPOSAL_APPROVAL", "处置意见审批")
                .containsEntry("DEFENCE", "陈述申辩").containsEntry("SERVICE", "送达");
    }

    @Test
    void everyOutcomeHasItsNameAndTheTwoInquiryEndingsReadApart() {
        assertThat(ReportLabels.OUTCOMES.keySet()).containsExactlyElementsOf(CaseEnums.names(CaseOutcome.class));
        assertThat(ReportLabels.OUTCOMES).containsEntry("INQUIRY_ACCEPTED", "函询采信了结")
                .containsEntry("INQUIRY_SATISFACTORY", "函询说明清楚了结（第一版）")
                .containsEntry("REFERRED", "移交有关党组织处理")
                .containsEntry("REFERRED_FOR_INVESTIGATION", "移送立案审查调查");
    }

    @Test
    void theFormsHaveAFifthLineForFilingAndEveryUnitMeasureItsName() {
        assertThat(ReportLabels.FORMS.keySet()).containsExactlyElementsOf(ReportFigures.Persons.FORMS);
        assertThat(ReportLabels.FORMS.values()).containsExactly("第一种形态", "第二种形态", "第三种形态", "第四种形态",
                "拟立案审查调查");
        assertThat(ReportLabels.UNIT_MEASURES.values()).containsExactly("检查", "通报", "改组");
    }
}
