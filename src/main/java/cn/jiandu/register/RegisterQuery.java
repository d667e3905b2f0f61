package cn.jiandu.register;

import cn.jiandu.cases.CaseEnums;
import cn.jiandu.cases.CaseFilter;
import cn.jiandu.cases.CaseOutcome;
import cn.jiandu.cases.CaseSort;
import cn.jiandu.cases.CaseStage;
import cn.jiandu.common.AcceptedDates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The register's query string, read the same way by the page and by its export: the parameters of
 * GET /api/cases, with {@code page} counted from 1 as people count. An empty field of the search form
 * means "any"; a value that is not one of the list is refused with a message naming the parameter.
 */
record RegisterQuery(CaseFilter filter, int page) {

    static RegisterQuery of(Map<String, String> parameters) {
        CaseFilter filter = new CaseFilter(
                value(parameters, "stage", CaseStage.class), value(parameters, "outcome", CaseOutcome.class),
                value(parameters, "zone", CaseEnums.Zone.class),
                value(parameters, "problemType", CaseEnums.ProblemType.class),
                value(parameters, "source", CaseEnums.Source.class),
                date(parameters, "reportedFrom"), date(parameters, "reportedTo"),
                text(parameters, "caseNumber"), text(parameters, "unit"), text(parameters, "person"),
                text(parameters, "keyword"), overdue(parameters), value(parameters, "sort", CaseSort.class));
        if (filter.reportedFrom() != null && filter.reportedTo() != null
                && filter.reportedTo().isBefore(filter.reportedFrom())) {
            throw refused("登记日期的结束日期不能早于开始日期");
        }
        return new RegisterQuery(filter, page(parameters));
    }

    private static String given(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E value(Map<String, String> parameters, String name, Class<E> type) {
        String given = given(parameters, name);
        if (given == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, given);
        } catch (IllegalArgumentException notOfTheList) {
            throw refused("参数 " + name + " 的值“" + shortened(given) + "”无效：应为 " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining("、")) + " 之一");
        }
    }

    private static LocalDate date(Map<String, String> parameters, String name) {
        String given = given(parameters, name);
        if (given == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(given);
            if (AcceptedDates.accepts(date)) {
                return date;
            }
        } catch (DateTimeParseException notADate) {
            // refused below, as a date out of range is
        }
        throw refused("参数 " + name + " 应为 " + AcceptedDates.RANGE + " 之间的日期，格式如 2026-03-01");
    }

    private static String text(Map<String, String> parameters, String name) {
        String given = given(parameters, name);
        if (given != null && given.length() > CaseFilter.TEXT_MAX) {
            throw refused("参数 " + name + "：" + CaseFilter.TEXT_MESSAGE);
        }
        return given;
    }

    private static Boolean overdue(Map<String, String> parameters) {
        String given = given(parameters, "overdue");
        if (given == null) {
            return null;
        }
        return switch (given) {
            case "true" -> true;
            case "false" -> false;
            default -> throw refused("参数 overdue 应为 true（已逾期）或 false（未逾期）");
        };
    }

    private static int page(Map<String, String> parameters) {
        String given = given(parameters, "page");
        try {
            int page = given == null ? 1 : Integer.parseInt(given);
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw refused("参数 page 应为从 1 开始的页码");
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static ResponseStatusException refused(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
