package cn.jiandu.inspections;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An inspection as Jiandu's own table holds it. */
record Inspection(
        long id,
        String processInstanceId,
        String unit,
        String unitKind,
        String zone,
        String mode,
        String scope,
        String channel,
        String focus,
        LocalDate plannedDate,
        String plannedBy,
        OffsetDateTime plannedAt,
        String status,
        LocalDate inspectedOn,
        String summary,
        Integer problemCount,
        String recordedBy,
        OffsetDateTime recordedAt) {

    /** The number people use for it, also the business key of its process instance. */
    static String number(long id) {
        return "JC-%06d".formatted(id);
    }

    String number() {
        return number(id);
    }

    boolean isConfidential() {
        return InspectionEnums.Mode.UNANNOUNCED.name().equals(mode)
                && InspectionEnums.Status.PLANNED.name().equals(status);
    }

    /**
     * One problem it found, how the team handles it (InspectionEnums.Handling, with the days given and why Jiandu
     * changed it), and the case or rectification it became once reported.
     */
    record Finding(long id, long inspectionId, int position, String problemType, String description, String unit,
            String personsInvolved, String caseNumber, String handling, Integer rectifyDays, String handlingNote,
            String rectificationNumber) {
    }
}
