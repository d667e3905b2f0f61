package cn.jiandu.documents;

import cn.jiandu.accountability.CadreLevel;
import cn.jiandu.accountability.Person;
import cn.jiandu.accountability.Responsibility;
import cn.jiandu.cases.CaseEnums;
import cn.jiandu.cases.CaseFiles.CaseFile;
import cn.jiandu.cases.CaseFiles.Step;
import cn.jiandu.cases.CaseRecord;
import cn.jiandu.documents.Document.Block;
import cn.jiandu.documents.Document.Field;
import cn.jiandu.documents.Document.Fields;
import cn.jiandu.documents.Document.Heading;
import cn.jiandu.documents.Document.Paragraph;
import cn.jiandu.documents.Document.Signature;
import cn.jiandu.documents.Document.Table;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first documents of a case, up to the preliminary verification: 线索处置审批表, 函询通知书 and
 * 初核情况报告, written from the record and the timeline. Whether the case has reached a document is
 * {@link Reached}'s to say.
 */
final class Drafts {

    private final String commission;
    private final ZoneId zone;

    Drafts(String commission, ZoneId zone) {
        this.commission = commission;
        this.zone = zone;
    }

    Document disposalApproval(CaseFile file) {
        CaseRecord r = file.record();
        Optional<Step> triage = file.finished("triageCase");
        List<Field> rows = new ArrayList<>(List.of(
                new Field("案件编号", r.caseNumber()),
                new Field("线索标题", r.title()),
                new Field("线索来源", Texts.source(r.source()) + (r.anonymous() ? "（匿名）" : "")),
                new Field("受理日期", Texts.date(r.reportedAt(), zone)),
                new Field("反映单位", Texts.or(r.unit())),
                new Field("反映对象", Texts.or(r.personsInvolved())),
                new Field("主要问题", Texts.or(r.description())),
                new Field("问题类型", Texts.label(CaseEnums.ProblemType.class, r.problemType())),
                new Field("情节", Texts.label(CaseEnums.Severity.class, r.severity())),
                new Field("承办片区", Texts.label(CaseEnums.Zone.class, r.zone())),
                new Field("拟处置方式", Texts.label(CaseEnums.Disposal.class, r.disposal())),
                new Field("研判意见", Texts.or(file.notes().get("triageComment"))
                        + "\n承办人：" + by(triage) + "　日期：" + Texts.date(triage.map(Step::ended).orElse(null), zone))));
        for (Step approval : steps(file, "approveDisposal")) {
            rows.add(new Field("领导审批意见", Texts.or(approval.comment() == null ? "同意" : approval.comment())
                    + "\n审批人：" + Texts.or(approval.by()) + "　日期：" + Texts.date(approval.ended(), zone)));
        }
        return new Document(DocumentKind.DISPOSAL_APPROVAL, "问题线索处置审批表", number(r), List.of(new Fields(rows)));
    }

    Document inquiryLetter(CaseFile file) {
        CaseRecord r = file.record();
        Optional<Step> inquiry = file.timeline().stream().filter(s -> s.activityId().equals("inquireCase")).findFirst();
        String addressee = file.persons().isEmpty() ? Texts.or(r.personsInvolved())
                : String.join("、", file.persons().stream().map(Person::name).toList());
        return new Document(DocumentKind.INQUIRY_LETTER, "函询通知书", number(r), List.of(
                new Paragraph(addressee + "同志：", true),
                new Paragraph("根据《中国共产党纪律检查机关监督执纪工作规则》有关规定，经" + commission
                        + "领导批准，现就反映你的有关问题进行函询。"),
                new Paragraph("反映的主要问题：" + Texts.or(r.description()) + "（涉及单位：" + Texts.or(r.unit()) + "）"),
                new Paragraph("请你自收到本通知书之日起十五个工作日内，对所反映问题作出书面说明，经所在单位党组织主要负责人"
                        + "签署意见后，报送" + commission + team(r) + "。你应当对党忠诚老实，如实说明情况，不得隐瞒、歪曲事实，"
                        + "不得打听、泄露函询内容。"),
                new Paragraph("联系部门：" + team(r) + "。"),
                new Signature(List.of(commission, Texts.date(inquiry.map(Step::started).orElse(null), zone)))));
    }

    Document verificationReport(CaseFile file) {
        CaseRecord r = file.record();
        Optional<Step> verify = file.finished("verifyCase");
        List<Block> blocks = new ArrayList<>(List.of(
                new Paragraph(commission + "：", true),
                new Heading("一、线索来源及基本情况"),
                new Paragraph(Texts.date(r.reportedAt(), zone) + "，" + commission + "受理" + Texts.source(r.source())
                        + "问题线索（案件编号 " + r.caseNumber() + "），反映" + Texts.or(r.unit()) + "：" + Texts.sentence(r.description())
                        + "经研判，问题类型为" + Texts.label(CaseEnums.ProblemType.class, r.problemType()) + "，"
                        + Texts.label(CaseEnums.Severity.class, r.severity()) + "。委领导批准后，由" + team(r) + "进行初步核实。"),
                new Heading("二、核实情况"),
                new Paragraph(Texts.sentence(r.findings())),
                new Heading("三、涉及人员"),
                personsTable(file.persons())));
        blocks.add(new Heading("四、处置意见"));
        String opinion = "根据核实情况，建议" + Texts.label(CaseEnums.VerificationOutcome.class, r.verificationOutcome()) + "。";
        if (Boolean.TRUE.equals(r.faultToleranceRequested()) || Boolean.TRUE.equals(r.emergencyAction())) {
            opinion += "当事人申请容错或存在急事急办、特事特办情形，建议先行开展容错纠错审查。";
        }
        blocks.add(new Paragraph(opinion));
        blocks.add(new Signature(List.of(team(r), "承办人：" + by(verify),
                Texts.date(verify.map(Step::ended).orElse(null), zone))));
        return new Document(DocumentKind.VERIFICATION_REPORT, "关于“" + r.title() + "”问题线索的初步核实情况报告",
                number(r), blocks);
    }

    static Table personsTable(List<Person> persons) {
        List<List<String>> rows = persons.stream().map(p -> List.of(p.name(), Texts.or(p.unit()), Texts.or(p.post()),
                Texts.label(p.level()), Texts.label(p.responsibility()))).toList();
        return new Table(List.of("姓名", "单位", "职务", "层级", "责任类型"), rows);
    }

    String number(CaseRecord r) {
        return "案件编号：" + r.caseNumber();
    }

    static String team(CaseRecord r) {
        return "SOUTH".equals(r.zone()) ? "第二监督检查组（南片区）" : "NORTH".equals(r.zone()) ? "第一监督检查组（北片区）"
                : "监督检查组";
    }

    static String by(Optional<Step> step) {
        return step.map(Step::by).map(Texts::or).orElse(Texts.NOT_RECORDED);
    }

    static List<Step> steps(CaseFile file, String activityId) {
        return file.timeline().stream().filter(s -> s.activityId().equals(activityId) && s.ended() != null).toList();
    }

    /** For the hand-over's persons, read back from JSON. */
    static String responsibility(String code) {
        return Texts.label(Responsibility.class, code);
    }

    static String level(String code) {
        return Texts.label(CadreLevel.class, code);
    }
}
