package cn.jiandu.inspections;

import static cn.jiandu.steps.Field.choice;
import static cn.jiandu.steps.Field.date;
import static cn.jiandu.steps.Field.list;
import static cn.jiandu.steps.Field.text;
import static cn.jiandu.steps.Field.yesNo;

import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.cases.CaseEnums.Zone;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Handling;
import cn.jiandu.inspections.InspectionEnums.RectifyWithin;
import cn.jiandu.inspections.InspectionEnums.Mode;
import cn.jiandu.inspections.InspectionEnums.Scope;
import cn.jiandu.common.UnitKind;
import cn.jiandu.steps.StepCatalog;
import cn.jiandu.steps.StepInput;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What planning (the start form) and recording an inspection take; limits of jd_inspection and its findings. */
@Component
class InspectionSteps implements StepCatalog {

    @Override
    public List<StepInput> steps() {
        return List.of(
                StepInput.of(InspectionProcess.PROCESS_KEY, StepInput.START, List.of(
                        text("unit", "被检查单位", 200),
                        choice("unitKind", "单位类型", UnitKind.class),
                        choice("zone", "片区", Zone.class),
                        choice("inspectionMode", "检查方式", Mode.class),
                        choice("inspectionScope", "检查范围", Scope.class),
                        choice("inspectionChannel", "检查渠道", Channel.class),
                        text("inspectionFocus", "检查重点", 2000),
                        date("plannedDate", "计划检查日期")), Set.of()),
                StepInput.of(InspectionProcess.PROCESS_KEY, InspectionProcess.RECORD_INSPECTION, List.of(
                        date("inspectedOn", "实际检查日期"),
                        text("inspectionSummary", "检查情况", 10000),
                        yesNo("problemsFound", "发现问题"),
                        list("findings", "问题清单", InspectionCheck.MAX_FINDINGS,
                                choice("problemType", "问题类型", ProblemType.class),
                                text("unit", "涉及单位", 200),
                                text("personsInvolved", "涉及人员", 2000),
                                text("description", "问题描述", InspectionCheck.MAX_FINDING_DESCRIPTION),
                                choice("handling", "处理方式", Handling.class).requiredInEachRow(),
                                choice("rectifyDays", "整改期限", RectifyWithin.class))),
                        Set.of("inspectionNumber", "plannedDate", "zone", "unit", "unitKind", "inspectionMode",
                                "inspectionScope", "inspectionChannel", "inspectionFocus")));
    }
}
