package cn.jiandu.units;

import cn.jiandu.cases.CaseView;
import cn.jiandu.inspections.UnitInspections;
import cn.jiandu.rectification.RectificationView;
import java.util.List;

/**
 * One unit's history as one reader may see it (不给一线增加负担: how often it was inspected, what was found, what
 * was fixed, before a team plans another visit), with the header line's figures over the last twelve months.
 */
record UnitHistory(String unit, List<UnitInspections.Visit> inspections, List<CaseView.Summary> cases,
        List<RectificationView> rectifications, Figures lastYear) {

    /** 近12个月检查 N 次，发现问题 M 个，整改完成 K 个，未完成 L 个. */
    record Figures(long inspections, long problems, long rectified, long notRectified) {

        public String text() {
            return "近12个月检查 " + inspections + " 次，发现问题 " + problems + " 个，整改完成 " + rectified + " 个，未完成 "
                    + notRectified + " 个";
        }
    }
}
