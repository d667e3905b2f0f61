package cn.jiandu.inspections;

import cn.jiandu.cases.CaseEnums.ProblemType;
import cn.jiandu.identity.CurrentUser;
import cn.jiandu.inspections.InspectionEnums.Channel;
import cn.jiandu.inspections.InspectionEnums.Handling;
import cn.jiandu.inspections.InspectionEnums.Mode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The inspections carried out at one unit and what they found, for the unit's history: only those the reader
 * may read (InspectionVisibility, as GET /api/inspections/{id}), newest first. Plans not yet carried out are
 * not a unit's history (and an unannounced one is confidential).
 */
@Service
public class UnitInspections {

    /** One inspection carried out, with its findings. */
    public record Visit(String inspectionNumber, LocalDate inspectedOn, String zone, String mode, String channel,
            int problemCount, List<Found> findings) {
    }

    /** One problem found: its type, how it was handled (and why, if Jiandu opened a case), what it became. */
    public record Found(String problemType, String description, String unit, String handling, String handlingNote,
            String caseNumber, String rectificationNumber) {
    }

    /** The most inspections one history shows. */
    static final int LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final InspectionRepository inspections;

    UnitInspections(JdbcTemplate jdbc, InspectionRepository inspections) {
        this.jdbc = jdbc;
        this.inspections = inspections;
    }

    /** The unit named exactly, or whose findings name it. */
    public List<Visit> ofUnit(CurrentUser reader, String unit) {
        List<Long> ids = jdbc.queryForList("""
                SELECT i.id FROM jd_inspection i WHERE i.status = 'CARRIED_OUT' AND (i.unit = ? OR EXISTS (
                    SELECT 1 FROM jd_inspection_finding f WHERE f.inspection_id = i.id AND f.unit = ?))
                ORDER BY i.inspected_on DESC, i.id DESC LIMIT ?""", Long.class, unit, unit, LIMIT);
        return ids.stream().map(id -> inspections.find(id).orElseThrow())
                .filter(inspection -> InspectionVisibility.canRead(reader, inspection))
                .map(this::visit).toList();
    }

    private Visit visit(Inspection i) {
        List<Found> found = inspections.findings(i.id()).stream().map(f -> new Found(
                ProblemType.valueOf(f.problemType()).label(), f.description(), f.unit(),
                Handling.valueOf(f.handling()).label(), f.handlingNote(), f.caseNumber(), f.rectificationNumber()))
                .toList();
        return new Visit(i.number(), i.inspectedOn(), i.zone(), Mode.valueOf(i.mode()).label(),
                Channel.valueOf(i.channel()).label(), i.problemCount() == null ? 0 : i.problemCount(), found);
    }
}
