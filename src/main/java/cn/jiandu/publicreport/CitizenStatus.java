package cn.jiandu.publicreport;

import cn.jiandu.cases.CaseOutcome;
import cn.jiandu.cases.CaseStage;
import java.util.Map;

/**
 * What a citizen reads of their case: its stage in three words (已受理 / 办理中 / 已办结) and, once closed, the
 * sentence the commission releases for its outcome. Nothing of persons, officers or findings.
 */
record CitizenStatus(String word, String explanation, String outcome) {

    private static final Map<CaseOutcome, String> RELEASED = Map.of(
            CaseOutcome.ACCOUNTABILITY, "经核查，反映的问题属实，已依规依纪依法处理。",
            CaseOutcome.EXEMPTED, "经核查，反映的问题属实，已依规依纪处理并督促整改。",
            CaseOutcome.UNSUBSTANTIATED, "经核查，未发现反映的问题。",
            CaseOutcome.CLOSED_AT_TRIAGE, "经研判，已依规处置，予以了结。",
            CaseOutcome.INQUIRY_ACCEPTED, "经核查，相关情况已说明清楚，予以了结。",
            CaseOutcome.INQUIRY_SATISFACTORY, "经核查，相关情况已说明清楚，予以了结。",
            CaseOutcome.REFERRED, "反映的问题已移交有关党组织依规处理。",
            CaseOutcome.REFERRED_FOR_INVESTIGATION, "反映的问题已依规依纪依法作进一步处理。");

    static CitizenStatus of(String stage, String outcome) {
        if (CaseStage.CLOSED.name().equals(stage)) {
            String released = outcome == null ? "已依规办结。" : RELEASED.getOrDefault(CaseOutcome.valueOf(outcome), "已依规办结。");
            return new CitizenStatus("已办结", "您反映的问题已经办理完毕。", released);
        }
        if (CaseStage.REGISTERED.name().equals(stage) || CaseStage.TRIAGE.name().equals(stage)) {
            return new CitizenStatus("已受理", "您的举报已经受理，正在研判处置。", null);
        }
        return new CitizenStatus("办理中", "您反映的问题正在依规依纪办理，请耐心等待。", null);
    }
}
