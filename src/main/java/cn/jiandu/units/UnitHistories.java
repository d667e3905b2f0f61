package cn.jiandu.units;

import cn.jiandu.cases.CaseFilter;
import cn.jiandu.cases.CaseQueries;
import cn.jiandu.cases.CaseView;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.inspections.UnitInspections;
import cn.jiandu.rectification.RectificationQueries;
import cn.jiandu.rectification.RectificationView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Puts a unit's history together from each feature's own read API, so each part applies its own visibility
 * rule: inspections (UnitInspections), cases (CaseQueries.search), rectifications (RectificationQueries.ofUnit).
 */
@Service
class UnitHistories {

    /** The most cases a history lists. */
    static final int CASES_SHOWN = 100;

    private final UnitInspections inspections;
    private final CaseQueries cases;
    private final RectificationQueries rectifications;
    private final Clock clock;

    UnitHistories(UnitInspections inspections, CaseQueries cases, RectificationQueries rectifications, Clock clock) {
        this.inspections = inspections;
        this.cases = cases;
        this.rectifications = rectifications;
        this.clock = clock;
    }

    UnitHistory of(CurrentUser reader, String unit) {
        List<UnitInspections.Visit> visits = inspections.ofUnit(reader, unit);
        CaseFilter byUnit = new CaseFilter(null, null, null, null, null, null, null, null, unit, null, null, null, null);
        List<CaseView.Summary> ofUnit = cases.search(reader, byUnit, 0, CASES_SHOWN).content().stream()
                .filter(c -> unit.equals(c.unit())).toList();
        List<RectificationView> fixes = rectifications.ofUnit(reader, unit);
        LocalDate since = LocalDate.now(clock).minusMonths(12);
        List<UnitInspections.Visit> lastYear = visits.stream()
                .filter(v -> v.inspectedOn() != null && !v.inspectedOn().isBefore(since)).toList();
        List<RectificationView> recent = fixes.stream()
                .filter(r -> !r.createdAt().toLocalDate().isBefore(since)).toList();
        return new UnitHistory(unit, visits, ofUnit, fixes, new UnitHistory.Figures(lastYear.size(),
                lastYear.stream().mapToLong(UnitInspections.Visit::problemCount).sum(),
                recent.stream().filter(r -> r.state() == cn.jiandu.rectification.RectificationState.COMPLETED).count(),
                recent.stream().filter(r -> r.state().open()).count()));
    }
}
