package cn.jiandu.notices;

import static cn.jiandu.steps.Field.text;
import static cn.jiandu.steps.Field.yesNo;

import cn.jiandu.steps.Field;
import cn.jiandu.steps.StepCatalog;
import cn.jiandu.steps.StepInput;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What starting, drafting and approving a bulletin take; text limits are those of jd_bulletin (V12__bulletins.sql). */
@Component
class BulletinSteps implements StepCatalog {

    /** Cases one bulletin may name. */
    static final int MAX_CASES = 20;
    /** Twenty case numbers (JD-2026-00001, 13 characters) with separators, and room for spaces. */
    static final int CASE_NUMBERS = 500;
    static final int TITLE = 200;
    static final int BODY = 20000;
    static final int COMMENT = 4000;

    @Override
    public List<StepInput> steps() {
        return List.of(
                StepInput.of(BulletinProcess.PROCESS_KEY, StepInput.START, List.of(
                        text(BulletinProcess.CASE_NUMBERS, "通报的案件编号", CASE_NUMBERS),
                        text(BulletinProcess.BULLETIN_TITLE, "通报标题", TITLE)), Set.of()),
                StepInput.of(BulletinProcess.PROCESS_KEY, BulletinProcess.DRAFT_NOTICE, List.of(
                        text(BulletinProcess.BULLETIN_TITLE, "通报标题", TITLE),
                        text(BulletinProcess.BULLETIN_BODY, "通报正文", BODY)),
                        Set.of(BulletinProcess.CASE_NUMBERS, BulletinProcess.APPROVAL_COMMENT)),
                StepInput.of(BulletinProcess.PROCESS_KEY, BulletinProcess.APPROVE_NOTICE, List.of(
                        yesNo(BulletinProcess.NOTICE_APPROVED, "审批结果"),
                        text(BulletinProcess.APPROVAL_COMMENT, "审批意见", COMMENT)),
                        Set.of(BulletinProcess.CASE_NUMBERS, BulletinProcess.BULLETIN_TITLE,
                                BulletinProcess.BULLETIN_BODY, BulletinPersons.VARIABLE)));
    }

    /** Whom the bulletin names, as the leaders' approval shows them (BulletinPersons). */
    @Override
    public Map<String, List<Field>> listsShown() {
        return Map.of(BulletinProcess.PROCESS_KEY, List.of(Field.list(BulletinPersons.VARIABLE, "通报点名的人员",
                Integer.MAX_VALUE, text("caseNumber", "案件编号", CASE_NUMBERS), text("name", "姓名", 100),
                text("unit", "工作单位", 200), text("post", "职务", 200), text("responsibility", "责任类型", 20),
                text("measure", "问责方式", 100))));
    }
}
