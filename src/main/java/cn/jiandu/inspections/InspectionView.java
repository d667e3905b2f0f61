package cn.jiandu.inspections;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What GET /api/inspections/{id} shows: the plan, the record and the cases or rectifications its problems became. */
record InspectionView(
        long id,
        String inspectionNumber,
        String unit,
        String unitKind,
        String zone,
        String mode,
        String scope,
        String channel,
        String focus,
        LocalDate plannedDate,
        String plannedBy,
        String status,
        LocalDate inspectedOn,
        String summary,
        Integer problemCount,
        String recordedBy,
        OffsetDateTime recordedAt,
        List<FindingView> findings) {

    /** A problem found, how it is handled (and why, when Jiandu opened a case anyway), and what it became. */
    record FindingView(int position, String problemType, String description, String unit, String personsInvolved,
            String caseNumber, String handling, Integer rectifyDays, String handlingNote,
            String rectificationNumber) {
    }

    /** One line of GET /api/inspections. */
    record Summary(long id, String inspectionNumber, String unit, String unitKind, String zone, String mode,
            String scope, String channel, LocalDate plannedDate, String status, LocalDate inspectedOn,
            Integer problemCount) {

        static Summary of(Inspection i) {
            return new Summary(i.id(), i.number(), i.unit(), i.unitKind(), i.zone(), i.mode(), i.scope(), i.channel(),
                    i.plannedDate(), i.status(), i.inspectedOn(), i.problemCount());
        }
    }

    record Page(List<Summary> content, int page, int size, long totalElements, long totalPages) {

        static Page of(List<Summary> content, int page, int size, long total) {
            return new Page(content, page, size, total, (total + size - 1) / size);
        }
    }

    static InspectionView of(Inspection i, List<Inspection.Finding> findings) {
        return new InspectionView(i.id(), i.number(), i.unit(), i.unitKind(), i.zone(), i.mode(), i.scope(),
                i.channel(), i.focus(), i.plannedDate(), i.plannedBy(), i.status(), i.inspectedOn(), i.summary(),
                i.problemCount(), i.recordedBy(), i.recordedAt(), findings.stream()
                        .map(f -> new FindingView(f.position(), f.problemType(), f.description(), f.unit(),
                                f.personsInvolved(), f.caseNumber(), f.handling(), f.rectifyDays(),
                                f.handlingNote(), f.rectificationNumber()))
                        .toList());
    }
}
