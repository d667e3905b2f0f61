package cn.jiandu.documents;

import java.util.Arrays;
import java.util.Optional;

/** The documents a commission files for a case, in the order the route reaches them (docs/route.md, Documents). */
enum DocumentKind {
    DISPOSAL_APPROVAL("disposal-approval", "线索处置审批表", "委领导审批处置意见"),
    INQUIRY_LETTER("inquiry-letter", "函询通知书", "开始谈话函询"),
    VERIFICATION_REPORT("verification-report", "初核情况报告", "完成初步核实"),
    ACCOUNTABILITY_DECISION("accountability-decision", "问责决定书", "案件审理室作出问责决定"),
    HANDOVER("handover", "移送审查调查（立案）材料", "委领导批准立案、移送审查调查");

    private final String slug;
    private final String title;
    private final String reachedWhen;

    DocumentKind(String slug, String title, String reachedWhen) {
        this.slug = slug;
        this.title = title;
        this.reachedWhen = reachedWhen;
    }

    /** The step after which the case has this document, as the refusal names it. */
    String reachedWhen() {
        return reachedWhen;
    }

    /** As the address names it: /api/cases/{n}/documents/{slug}.docx. */
    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    static Optional<DocumentKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
