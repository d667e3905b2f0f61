package cn.jiandu.cases;

import java.util.List;

/** One page of GET /api/cases. */
public record CasePage(List<CaseView.Summary> content, int page, int size, long totalElements, long totalPages) {

    static CasePage of(List<CaseView.Summary> content, int page, int size, long total) {
        return new CasePage(content, page, size, total, (total + size - 1) / size);
    }
}
