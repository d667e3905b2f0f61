package cn.jiandu.cases;

import java.util.List;

/**
 * One page of GET /api/cases. A broad search is counted only so far (CaseQueries, jiandu.register.count-limit):
 * then {@code totalExact} is false, {@code totalElements} says how many were counted and more exist, and
 * {@code totalPages} reaches at least one page past them, so that "next page" always leads somewhere.
 */
public record CasePage(List<CaseView.Summary> content, int page, int size, long totalElements, long totalPages,
        boolean totalExact) {

    static CasePage exact(List<CaseView.Summary> content, int page, int size, long total) {
        return new CasePage(content, page, size, total, (total + size - 1) / size, true);
    }

    /** More than {@code counted} cases match: the pages reach the first case past them. */
    static CasePage moreThan(List<CaseView.Summary> content, int page, int size, long counted) {
        return new CasePage(content, page, size, counted, (counted + size) / size, false);
    }
}
