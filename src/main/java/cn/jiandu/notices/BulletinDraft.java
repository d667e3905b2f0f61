package cn.jiandu.notices;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.UnitMeasure;
import cn.jiandu.notices.Bulletin.CaseFacts;
import java.util.List;
import java.util.StringJoiner;

/**
 * The first draft of a bulletin, written from the record: an opening, one paragraph per case with its
 * facts and each person held accountable by name, unit, post, responsibility and measure (点名道姓), and a
 * closing. Each case's paragraph carries its case number, which is how the public page leaves a case out
 * once its naming is withdrawn (see {@link BulletinText}).
 */
final class BulletinDraft {

    /** One case as the draft names it. */
    record DraftCase(CaseFacts facts, List<Person> persons) {
    }

    private static final String NUMERALS = "一二三四五六七八九十";

    private BulletinDraft() {
    }

    static String defaultTitle(int cases) {
        return "关于" + count(cases) + "起疫情防控工作中形式主义官僚主义典型问题的通报";
    }

    static String body(List<DraftCase> cases) {
        StringJoiner body = new StringJoiner("\n\n");
        body.add("近期，区纪委监委严肃查处了" + count(cases.size()) + "起疫情防控工作中形式主义、官僚主义及失职失责典型问题。"
                + "现将有关情况通报如下：");
        for (int i = 0; i < cases.size(); i++) {
            body.add(paragraph(i + 1, cases.get(i)));
        }
        body.add("以上" + count(cases.size()) + "起典型问题，反映出一些党员干部在疫情防控工作中责任意识不强、工作作风不实。"
                + "各级党组织和广大党员干部要引以为戒，切实扛起疫情防控政治责任，对失职失责、敷衍塞责的，"
                + "区纪委监委将坚持发现一起、查处一起，点名道姓通报曝光。");
        return body.toString();
    }

    private static String paragraph(int position, DraftCase draftCase) {
        CaseFacts facts = draftCase.facts();
        StringBuilder text = new StringBuilder();
        text.append(count(position)).append("、").append(facts.unit()).append(facts.title()).append("问题（")
                .append(facts.caseNumber()).append("）。").append(sentence(facts.facts()));
        for (Person person : draftCase.persons()) {
            if (person.measure() == null || person.measure() == Measure.NONE) {
                continue;
            }
            text.append(person.name()).append("（").append(person.unit())
                    .append(person.post() == null || person.post().isBlank() ? "" : person.post().strip())
                    .append("）负有").append(person.responsibility() == null ? "责任" : person.responsibility().label())
                    .append("，受到").append(person.measure().label()).append("处理。");
        }
        if (facts.unitMeasure() != null) {
            text.append("对").append(facts.unit()).append("党组织予以").append(UnitMeasure.valueOf(facts.unitMeasure()).label())
                    .append("。");
        }
        return text.toString();
    }

    /** The facts as one sentence: a line break would split the case's paragraph. */
    private static String sentence(String facts) {
        String flat = facts.replaceAll("\\s*\\R\\s*", "");
        return flat.endsWith("。") || flat.endsWith("！") || flat.endsWith("？") ? flat : flat + "。";
    }

    /** 1 to 99 in Chinese numerals, as bulletins count: 三起, 十二、. */
    static String count(int n) {
        if (n <= 10) {
            return String.valueOf(NUMERALS.charAt(n - 1));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(NUMERALS.charAt(tens - 1))) + "十"
                + (ones == 0 ? "" : String.valueOf(NUMERALS.charAt(ones - 1)));
    }
}
