package cn.jiandu.documents;

import cn.jiandu.accountability.FourForms;
import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.UnitMeasure;
import cn.jiandu.cases.CaseEnums;
import cn.jiandu.cases.CaseFiles.CaseFile;
import cn.jiandu.cases.CaseFiles.HandOver;
import cn.jiandu.cases.CaseFiles.Step;
import cn.jiandu.cases.CaseRecord;
import cn.jiandu.documents.Document.Block;
import cn.jiandu.documents.Document.Field;
import cn.jiandu.documents.Document.Fields;
import cn.jiandu.documents.Document.Heading;
import cn.jiandu.documents.Document.Paragraph;
import cn.jiandu.documents.Document.Signature;
import cn.jiandu.documents.Document.Table;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The documents of the decision: 问责决定书 (one per case, each person with responsibility and measure,
 * 中国共产党问责条例) and the hand-over for filing (移送审查调查（立案）材料, from jd_case_handover).
 */
final class DecisionDrafts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String commission;
    private final ZoneId zone;

    DecisionDrafts(String commission, ZoneId zone) {
        this.commission = commission;
        this.zone = zone;
    }

    Document accountabilityDecision(CaseFile file) {
        CaseRecord r = file.record();
        List<Person> held = file.persons().stream().filter(p -> p.measure() != null).toList();
        List<Block> blocks = new ArrayList<>();
        String findings = Texts.sentence(r.findings());
        blocks.add(new Paragraph(findings.startsWith("经") ? findings : "经查，" + findings));
        blocks.add(new Paragraph("上述问题属于" + Texts.label(CaseEnums.ProblemType.class, r.problemType()) + "，"
                + Texts.label(CaseEnums.Severity.class, r.severity()) + "。根据《中国共产党问责条例》有关规定，经"
                + commission + "集体研究，决定如下："));
        blocks.add(new Heading("一、对有关人员的问责"));
        for (Person p : held) {
            blocks.add(new Paragraph(p.name() + "（" + Texts.or(p.unit()) + Texts.or(p.post()) + "），负"
                    + Texts.label(p.responsibility()) + "，" + measureSentence(p.measure()) + "。"));
        }
        blocks.add(new Table(List.of("姓名", "单位及职务", "责任类型", "问责方式", "形态"), held.stream()
                .map(p -> List.of(p.name(), Texts.or(p.unit()) + Texts.or(p.post()), Texts.label(p.responsibility()),
                        Texts.label(p.measure()), FourForms.of(p.measure()).map(FourForms.Form::label)
                                .orElse(Texts.NOT_RECORDED))).toList()));
        if (r.unitMeasure() != null) {
            blocks.add(new Heading("二、对党组织的问责"));
            blocks.add(new Paragraph("对" + Texts.or(r.unit()) + "党组织予以" + Texts.label(UnitMeasure.class, r.unitMeasure())
                    + "。"));
        }
        blocks.add(new Heading(r.unitMeasure() != null ? "三、问责理由" : "二、问责理由"));
        blocks.add(new Paragraph(Texts.sentence(r.decisionReason())));
        if ("MITIGATE".equals(r.faultToleranceOutcome())) {
            blocks.add(new Paragraph("经容错纠错审查（三个区分开来），" + Texts.or(r.faultToleranceReason()) + "，依规从轻、减轻问责。"));
        }
        blocks.add(new Heading(r.unitMeasure() != null ? "四、陈述申辩" : "三、陈述申辩"));
        blocks.add(new Paragraph(defence(r)));
        blocks.add(new Paragraph("被问责的党组织、党员干部对本决定不服的，可以自收到本决定书之日起一个月内，向" + commission
                + "提出书面申诉。申诉期间，不停止本决定的执行。"));
        blocks.add(new Fields(List.of(new Field("审批", approval(file)),
                new Field("送达", r.servedOn() == null ? "尚未送达" : "于" + Texts.date(r.servedOn()) + "送达本人"))));
        Optional<Step> decided = file.finished("decideAccountability");
        blocks.add(new Signature(List.of(commission, Texts.date(decided.map(Step::ended).orElse(null), zone))));
        return new Document(DocumentKind.ACCOUNTABILITY_DECISION, "问责决定书", "案件编号：" + r.caseNumber(), blocks);
    }

    Document handOver(CaseFile file) {
        CaseRecord r = file.record();
        HandOver handOver = file.handOver().orElseThrow();
        List<List<String>> persons = new ArrayList<>();
        for (JsonNode p : read(handOver.personsJson())) {
            persons.add(List.of(p.path("name").asText(Texts.NOT_RECORDED), p.path("unit").asText(Texts.NOT_RECORDED),
                    p.path("post").asText(Texts.NOT_RECORDED), Drafts.level(p.path("level").asText(null)),
                    Drafts.responsibility(p.path("responsibility").asText(null))));
        }
        return new Document(DocumentKind.HANDOVER, "移送审查调查（立案）材料", "案件编号：" + r.caseNumber(), List.of(
                new Fields(List.of(new Field("线索标题", r.title()), new Field("线索来源", Texts.source(r.source())),
                        new Field("涉及单位", Texts.or(r.unit())),
                        new Field("问题类型", Texts.label(CaseEnums.ProblemType.class, r.problemType())),
                        new Field("批准人", Texts.or(handOver.approvedBy())),
                        new Field("移送日期", Texts.date(handOver.handedOverAt(), zone)))),
                new Heading("一、初步核实认定的问题"),
                new Paragraph(Texts.sentence(handOver.findings())),
                new Heading("二、拟立案审查调查人员"),
                new Table(List.of("姓名", "单位", "职务", "层级", "责任类型"), persons),
                new Heading("三、移送意见"),
                new Paragraph("经委领导批准，拟对上述人员立案审查调查，现将初步核实材料移送审查调查部门。党纪处分、政务处分"
                        + "在立案审查调查、审理后依规依纪依法作出。"),
                new Signature(List.of(commission, Texts.date(handOver.handedOverAt(), zone)))));
    }

    private static String measureSentence(Measure measure) {
        return switch (measure) {
            case NONE -> "不予问责";
            case ORGANIZATIONAL_ADJUSTMENT -> "向有管理权限的党组织提出组织调整建议";
            case PROPOSE_FILING, CASE_FILING -> "拟立案审查调查";
            default -> "予以" + measure.label();
        };
    }

    private static String defence(CaseRecord r) {
        if (r.defenceRecord() == null || r.defenceRecord().isBlank()) {
            return "尚未听取被问责人的陈述和申辩。";
        }
        return "已听取被问责人的陈述和申辩：" + Texts.sentence(r.defenceRecord()) + (Boolean.TRUE.equals(r.defenceChangesDecision())
                ? "经审查，陈述申辩改变了认定的事实，已重新作出处理意见。" : "经审查，陈述申辩未改变认定的事实和处理意见。");
    }

    private String approval(CaseFile file) {
        Optional<Step> approved = file.finished("approveAccountability");
        if (approved.isPresent()) {
            return "委领导 " + Texts.or(approved.get().by()) + " 于" + Texts.date(approved.get().ended(), zone) + "审批"
                    + (approved.get().comment() == null ? "同意" : "，意见：" + approved.get().comment());
        }
        return file.record().servedOn() != null ? "由案件审理室决定，无须委领导审批" : "尚在审理、审批中，本决定尚未生效";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "[]" : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
