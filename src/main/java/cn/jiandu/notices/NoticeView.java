package cn.jiandu.notices;

import cn.jiandu.accountability.Measure;
import cn.jiandu.common.Labelled;
import cn.jiandu.cases.CaseEnums.ProblemType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * A notice as the public sees it, on the page, in JSON and in the feed: codes with their Chinese
 * labels, the time in the commission's zone. Never who approved it, the reporter or internal remarks.
 */
record NoticeView(
        long id,
        String caseNumber,
        String title,
        String body,
        String unit,
        String problemType,
        String problemTypeLabel,
        String measure,
        String measureLabel,
        OffsetDateTime publishedAt) {

    static NoticeView of(Notice notice, ZoneId zone) {
        return new NoticeView(notice.id(), notice.caseNumber(), notice.title(), notice.body(), notice.unit(),
                notice.problemType(), label(ProblemType.values(), notice.problemType()),
                notice.measure(), label(Measure.values(), notice.measure()),
                notice.publishedAt().atZoneSameInstant(zone).toOffsetDateTime());
    }

    private static String label(Labelled[] values, String code) {
        return Arrays.stream(values).filter(value -> value.name().equals(code)).map(Labelled::label)
                .findFirst().orElse(null);
    }
}
