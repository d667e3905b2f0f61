package cn.jiandu.documents;

import cn.jiandu.accountability.Person;
import cn.jiandu.cases.CaseFiles.CaseFile;
import cn.jiandu.cases.CaseFiles.Step;
import cn.jiandu.cases.CaseRecord;
import cn.jiandu.documents.Document.Block;
import cn.jiandu.documents.Document.Fields;
import cn.jiandu.documents.Document.Heading;
import cn.jiandu.documents.Document.Paragraph;
import cn.jiandu.documents.Document.Signature;
import cn.jiandu.documents.Document.Table;
import cn.jiandu.documents.EvidenceList.Evidence;
import cn.jiandu.documents.PdfPages.Align;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The case dossier (卷宗) as one PDF: a cover, a table of contents, every document the case has reached,
 * the timeline, the persons and the evidence with each file's SHA-256. The contents page is written last
 * and put after the cover, when the page of each part is known; the parts are bookmarks too.
 */
final class DossierPdf {

    private final String commission;
    private final ZoneId zone;

    DossierPdf(String commission, ZoneId zone) {
        this.commission = commission;
        this.zone = zone;
    }

    byte[] write(CaseFile file, List<Document> documents, List<Evidence> evidence, OffsetDateTime now) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CaseRecord r = file.record();
            pdf.getDocumentInformation().setTitle(r.caseNumber() + " 案件卷宗");
            pdf.getDocumentInformation().setAuthor(commission);
            PdfPages pages = new PdfPages(pdf);
            PDPage cover = cover(pages, file, now);
            Map<String, PDPage> parts = new LinkedHashMap<>();
            for (Document document : documents) {
                parts.put(document.kind().title(), pages.newPage());
                document(pages, document);
            }
            parts.put("办理过程", pages.newPage());
            timeline(pages, file.timeline());
            parts.put("涉案人员", pages.newPage());
            persons(pages, file.persons());
            parts.put("证据材料清单", pages.newPage());
            evidence(pages, evidence);
            PDPage contents = pages.newPage();
            pages.close();
            pdf.getPages().remove(contents);
            pdf.getPages().insertAfter(contents, cover);
            contents(pdf, pages, contents, parts);
            List<PDPage> all = new ArrayList<>();
            pdf.getPages().forEach(all::add);
            pages.number(all);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDPage cover(PdfPages pages, CaseFile file, OffsetDateTime now) {
        CaseRecord r = file.record();
        PDPage cover = pages.newPage();
        pages.at(150);
        pages.text(commission, 22, Align.CENTER, true, 0);
        pages.space(30);
        pages.text("案 件 卷 宗", 30, Align.CENTER, true, 0);
        pages.space(60);
        long held = file.persons().stream().filter(p -> p.measure() != null).count();
        for (String line : List.of(
                "案件编号：" + r.caseNumber(),
                "案件名称：" + r.title(),
                "涉及单位：" + Texts.or(r.unit()),
                "线索来源：" + Texts.source(r.source()),
                "受理日期：" + Texts.date(r.reportedAt(), zone),
                "办结日期：" + (r.closedAt() == null ? "尚未办结（" + Texts.stage(r.stage()) + "）" : Texts.date(r.closedAt(), zone)),
                "办理结果：" + Texts.outcome(r.outcome()),
                "涉及人员：" + file.persons().size() + " 人，其中作出问责决定 " + held + " 人")) {
            pages.text(line, 14, Align.LEFT, false, 40);
            pages.space(4);
        }
        pages.at(740);
        pages.text("立卷日期：" + Texts.date(now, zone) + "　（根据案件记录生成）", 11, Align.CENTER, false, 0);
        return cover;
    }

    private void document(PdfPages pages, Document document) {
        pages.text(document.title(), 18, Align.CENTER, true, 0);
        pages.text(document.docNumber(), 12, Align.CENTER, false, 0);
        pages.space(8);
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                pages.text(h.text(), 13, Align.LEFT, true, 0);
            } else if (block instanceof Paragraph p) {
                pages.text(p.text(), 12, Align.LEFT, false, p.addressee() ? 0 : 24);
            } else if (block instanceof Fields f) {
                pages.table(List.of("项目", "内容"), f.rows().stream().map(row -> List.of(row.label(), row.value())).toList(),
                        new float[] {0.22f, 0.78f}, 11);
            } else if (block instanceof Table t) {
                pages.table(t.header(), t.rows(), even(t.header().size()), 10.5f);
            } else if (block instanceof Signature s) {
                pages.space(12);
                s.lines().forEach(line -> pages.text(line, 12, Align.RIGHT, false, 0));
            }
        }
    }

    private void timeline(PdfPages pages, List<Step> steps) {
        pages.text("办理过程", 18, Align.CENTER, true, 0);
        pages.space(8);
        pages.table(List.of("开始", "完成", "环节", "办理人", "意见"), steps.stream().map(s -> List.of(
                        Texts.minute(s.started(), zone), Texts.minute(s.ended(), zone), Texts.or(s.name()),
                        Texts.or(s.by()), Texts.or(s.comment()))).toList(),
                new float[] {0.2f, 0.2f, 0.22f, 0.12f, 0.26f}, 9.5f);
    }

    private void persons(PdfPages pages, List<Person> persons) {
        pages.text("涉案人员", 18, Align.CENTER, true, 0);
        pages.space(8);
        if (persons.isEmpty()) {
            pages.text("本案未记录涉案人员。", 12, Align.LEFT, false, 24);
            return;
        }
        pages.table(List.of("姓名", "单位及职务", "层级", "责任类型", "建议问责方式", "问责方式", "送达日期"),
                persons.stream().map(p -> List.of(p.name(), Texts.or(p.unit()) + Texts.or(p.post()),
                        Texts.label(p.level()), Texts.label(p.responsibility()), Texts.label(p.recommendedMeasure()),
                        Texts.label(p.measure()), Texts.date(p.servedOn()))).toList(),
                new float[] {0.08f, 0.24f, 0.12f, 0.14f, 0.13f, 0.13f, 0.16f}, 9.5f);
    }

    private void evidence(PdfPages pages, List<Evidence> evidence) {
        pages.text("证据材料清单", 18, Align.CENTER, true, 0);
        pages.space(8);
        if (evidence.isEmpty()) {
            pages.text("本案未上传证据材料。", 12, Align.LEFT, false, 24);
            return;
        }
        int n = 1;
        for (Evidence e : evidence) {
            pages.text(n++ + ". " + e.fileName() + "（" + size(e.sizeBytes()) + "；" + Texts.or(e.step()) + "；"
                    + Texts.or(e.uploadedBy()) + " 于 " + Texts.date(e.uploadedAt(), zone) + " 上传"
                    + (e.withdrawnAt() == null ? "" : "；已于 " + Texts.date(e.withdrawnAt(), zone) + " 撤回") + "）"
                    + (e.description() == null ? "" : "\n" + e.description()), 11, Align.LEFT, false, 0);
            pages.text("SHA-256：" + e.sha256(), 8.5f, Align.LEFT, false, 16);
            pages.space(4);
        }
    }

    private void contents(PDDocument pdf, PdfPages pages, PDPage contents, Map<String, PDPage> parts) {
        pages.resume(contents);
        pages.text("目　录", 20, Align.CENTER, true, 0);
        pages.space(16);
        PDDocumentOutline outline = new PDDocumentOutline();
        pdf.getDocumentCatalog().setDocumentOutline(outline);
        int index = 1;
        for (Map.Entry<String, PDPage> part : parts.entrySet()) {
            int number = pdf.getPages().indexOf(part.getValue()) + 1;
            pages.leader(index++ + "．" + part.getKey(), Integer.toString(number), 13);
            PDPageFitDestination destination = new PDPageFitDestination();
            destination.setPage(part.getValue());
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(part.getKey());
            item.setDestination(destination);
            outline.addLast(item);
        }
        pages.close();
    }

    private static float[] even(int columns) {
        float[] widths = new float[columns];
        java.util.Arrays.fill(widths, 1f / columns);
        return widths;
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " 字节" : bytes < 1024 * 1024 ? String.format("%.1f KB", bytes / 1024.0)
                : String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
