package cn.jiandu.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the register (/cases) and GET /api/cases search for: exact codes (stage, outcome, zone, problem type,
 * source), a reporting period of whole days, text that a case's number, unit, persons or facts contain, and
 * whether a step of the case is past its due date. Null or blank means "any".
 *
 * @param overdue true: only cases with an open task past its due date; false: only cases without one
 */
public record CaseFilter(CaseStage stage, CaseOutcome outcome, CaseEnums.Zone zone, CaseEnums.ProblemType problemType,
        CaseEnums.Source source, LocalDate reportedFrom, LocalDate reportedTo, String caseNumber, String unit,
        String person, String keyword, Boolean overdue, CaseSort sort) {

    /** The longest text searched for: longer than any unit or name, short enough to stay cheap. */
    public static final int TEXT_MAX = 100;
    public static final String TEXT_MESSAGE = "搜索内容不能超过 100 个字符";

    public static final CaseFilter ANY = new CaseFilter(null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    public CaseFilter {
        caseNumber = trimmed(caseNumber);
        unit = trimmed(unit);
        person = trimmed(person);
        keyword = trimmed(keyword);
        sort = sort == null ? CaseSort.REPORTED : sort;
    }

    /** The code filters as the record's columns hold them. */
    Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        if (stage != null) columns.put("stage", stage.name());
        if (outcome != null) columns.put("outcome", outcome.name());
        if (zone != null) columns.put("zone", zone.name());
        if (problemType != null) columns.put("problem_type", problemType.name());
        if (source != null) columns.put("source", source.name());
        return columns;
    }

    OffsetDateTime reportedFromIn(ZoneId zoneId) {
        return reportedFrom == null ? null : reportedFrom.atStartOfDay(zoneId).toOffsetDateTime();
    }

    /** The start of the day after reportedTo: the period includes its last day. */
    OffsetDateTime reportedBeforeIn(ZoneId zoneId) {
        return reportedTo == null ? null : reportedTo.plusDays(1).atStartOfDay(zoneId).toOffsetDateTime();
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
