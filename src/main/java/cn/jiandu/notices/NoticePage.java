package cn.jiandu.notices;

import java.util.List;

/** One page of published notices, newest first; page numbers start at 0 as in GET /api/cases. */
record NoticePage(List<NoticeView> content, int page, int size, long totalElements, long totalPages) {

    static NoticePage of(List<NoticeView> content, int page, int size, long total) {
        return new NoticePage(content, page, size, total, (total + size - 1) / size);
    }
}
