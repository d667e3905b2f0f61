package cn.jiandu.documents;

import cn.jiandu.documents.Document.Block;
import cn.jiandu.documents.Document.Heading;
import cn.jiandu.documents.Document.Paragraph;
import cn.jiandu.documents.Document.Signature;
import cn.jiandu.rectification.RectificationView;
import java.util.ArrayList;
import java.util.List;

/**
 * 整改通知书: the notice the zone's team serves on the unit, written from the rectification's record. It is
 * a rectification's document, not a case's: it has no place among a case's {@link DocumentKind}s.
 */
final class RectificationNotice {

    private final String commission;

    RectificationNotice(String commission) {
        this.commission = commission;
    }

    Document draft(RectificationView r) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(r.unit() + "：", true));
        blocks.add(new Paragraph("根据" + commission + "监督工作安排，针对" + r.originLabel()
                + (r.caseNumber() == null ? "" : "（案件编号 " + r.caseNumber() + "）") + "中发现的问题，现责令你单位限期整改。"));
        blocks.add(new Heading("一、存在的问题"));
        blocks.add(new Paragraph(Texts.sentence(r.summary())));
        blocks.add(new Heading("二、整改事项"));
        for (int i = 0; i < r.items().size(); i++) {
            blocks.add(new Paragraph((i + 1) + ". " + r.items().get(i)));
        }
        blocks.add(new Heading("三、整改期限"));
        blocks.add(new Paragraph("请于 " + Texts.date(r.deadline()) + " 前完成整改，并将整改情况书面报告"
                + team(r.zone()) + "，同时附佐证材料（照片、台账、制度文件等）。"));
        if (r.requirements() != null) {
            blocks.add(new Heading("四、整改要求"));
            blocks.add(new Paragraph(Texts.sentence(r.requirements())));
        }
        blocks.add(new Heading(r.requirements() == null ? "四、整改责任人" : "五、整改责任人"));
        blocks.add(new Paragraph(r.responsiblePerson() + (r.responsiblePost() == null ? "" : "（" + r.responsiblePost()
                + "）") + "为本次整改的责任人。逾期不整改、整改不实不力或整改后问题反弹的，将依规依纪追究相关人员责任。"));
        blocks.add(new Paragraph("联系部门：" + team(r.zone()) + "。"));
        blocks.add(new Signature(List.of(commission, team(r.zone()), Texts.date(r.noticeIssuedOn()))));
        return new Document(null, "整改通知书", "整改编号：" + r.rectificationNumber(), blocks);
    }

    private static String team(String zone) {
        return "SOUTH".equals(zone) ? "第二监督检查组（南片区）" : "第一监督检查组（北片区）";
    }
}
