package cn.jiandu.notices;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.common.Labelled;
import cn.jiandu.cases.CaseEnums.ProblemType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * A notice as the public sees it, on the page, in JSON and in the feed: codes with their Chinese
 * labels, the time in the commission's zone. Never who approved it, the reporter or internal remarks.
 * A {@code NOTICE} is one case's notice (route version 1); a {@code BULLETIN} names several cases, each
 * with the persons held accountable, and leaves out a case whose naming was withdrawn.
 *
 * @param link the page of the notice, relative to the site
 */
record NoticeView(
        String kind,
        long id,
        String link,
        String caseNumber,
        String title,
        String body,
        String unit,
        String problemType,
        String problemTypeLabel,
        String measure,
        String measureLabel,
        List<NamedCaseView> cases,
        OffsetDateTime publishedAt) {

    static final String NOTICE = "NOTICE";
    static final String BULLETIN = "BULLETIN";

    /** A case a bulletin names, and the persons it holds accountable (点名道姓). */
    record NamedCaseView(String caseNumber, String title, String unit, String problemType, String problemTypeLabel,
            List<NamedPerson> persons) {
    }

    record NamedPerson(String name, String unit, String post, String responsibility, String responsibilityLabel,
            String measure, String measureLabel) {

        static NamedPerson of(Person person) {
            return new NamedPerson(person.name(), person.unit(), person.post(),
                    person.responsibility() == null ? null : person.responsibility().name(),
                    person.responsibility() == null ? null : person.responsibility().label(),
                    person.measure().name(), person.measure().label());
        }
    }

    static NoticeView of(Notice notice, ZoneId zone) {
        return new NoticeView(NOTICE, notice.id(), "/notices/" + notice.id(), notice.caseNumber(), notice.title(),
                notice.body(), notice.unit(), notice.problemType(), label(ProblemType.values(), notice.problemType()),
                notice.measure(), label(Measure.values(), notice.measure()), null,
                notice.publishedAt().atZoneSameInstant(zone).toOffsetDateTime());
    }

    /** @param shownBody the text without the paragraphs of withdrawn cases; cases: only those still named */
    static NoticeView ofBulletin(Bulletin bulletin, String shownBody, List<NamedCaseView> cases, ZoneId zone) {
        return new NoticeView(BULLETIN, bulletin.id(), bulletinLink(bulletin.id()), null, bulletin.title(), shownBody,
                null, null, null, null, null, cases, bulletin.publishedAt().atZoneSameInstant(zone).toOffsetDateTime());
    }

    static String bulletinLink(long id) {
        return "/notices/bulletins/" + id;
    }

    static String problemTypeLabel(String code) {
        return label(ProblemType.values(), code);
    }

    private static String label(Labelled[] values, String code) {
        return Arrays.stream(values).filter(value -> value.name().equals(code)).map(Labelled::label)
                .findFirst().orElse(null);
    }
}
