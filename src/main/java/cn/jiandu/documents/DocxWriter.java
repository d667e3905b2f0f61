package cn.jiandu.documents;

import cn.jiandu.documents.Document.Block;
import cn.jiandu.documents.Document.Field;
import cn.jiandu.documents.Document.Fields;
import cn.jiandu.documents.Document.Heading;
import cn.jiandu.documents.Document.Paragraph;
import cn.jiandu.documents.Document.Signature;
import cn.jiandu.documents.Document.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A document as a Word file laid out as party and government offices file them (GB/T 9704): A4, title in
 * 宋体 bold 二号 centred (where 方正小标宋 is installed, an office swaps it in), body 仿宋 三号 at a fixed 28 pt
 * line, headings 黑体, page numbers at the foot. The East Asian font is set on every run, since Word
 * otherwise falls back to its Latin font's partner.
 */
final class DocxWriter {

    private static final String TITLE_FONT = "宋体";
    private static final String BODY_FONT = "仿宋";
    private static final String HEADING_FONT = "黑体";
    private static final String LATIN_FONT = "Times New Roman";
    /** 三号 16 pt, 二号 22 pt, 小四 12 pt. */
    private static final int BODY_SIZE = 16;
    private static final int TITLE_SIZE = 22;
    private static final int TABLE_SIZE = 12;
    private static final int TWIPS_PER_MM = 1440 * 10 / 254;

    private DocxWriter() {
    }

    static byte[] write(Document document) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            docx.getProperties().getCoreProperties().setTitle(document.title());
            pageSetup(docx);
            XWPFParagraph title = docx.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(200);
            run(title, document.title(), TITLE_FONT, TITLE_SIZE, true);
            XWPFParagraph number = docx.createParagraph();
            number.setAlignment(ParagraphAlignment.CENTER);
            number.setSpacingAfter(300);
            run(number, document.docNumber(), BODY_FONT, BODY_SIZE, false);
            for (Block block : document.blocks()) {
                write(docx, block);
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(XWPFDocument docx, Block block) {
        if (block instanceof Heading h) {
            run(body(docx, true), h.text(), HEADING_FONT, BODY_SIZE, false);
        } else if (block instanceof Paragraph p) {
            run(body(docx, !p.addressee()), p.text(), BODY_FONT, BODY_SIZE, false);
        } else if (block instanceof Fields f) {
            fields(docx, f.rows());
        } else if (block instanceof Table t) {
            table(docx, t);
        } else if (block instanceof Signature s) {
            docx.createParagraph();
            for (String line : s.lines()) {
                XWPFParagraph p = body(docx, false);
                p.setAlignment(ParagraphAlignment.RIGHT);
                p.setIndentationRight(4 * BODY_SIZE * 20);
                run(p, line, BODY_FONT, BODY_SIZE, false);
            }
        }
    }

    private static XWPFParagraph body(XWPFDocument docx, boolean indented) {
        XWPFParagraph p = docx.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        if (indented) {
            p.setIndentationFirstLine(2 * BODY_SIZE * 20);
        }
        return p;
    }

    private static void fields(XWPFDocument docx, List<Field> rows) {
        XWPFTable table = docx.createTable(rows.size(), 2);
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        for (int i = 0; i < rows.size(); i++) {
            cell(table.getRow(i).getCell(0), rows.get(i).label(), true, 1200);
            cell(table.getRow(i).getCell(1), rows.get(i).value(), false, 3800);
        }
        docx.createParagraph();
    }

    private static void table(XWPFDocument docx, Table t) {
        XWPFTable table = docx.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        for (int c = 0; c < t.header().size(); c++) {
            cell(table.getRow(0).getCell(c), t.header().get(c), true, 5000 / t.header().size());
        }
        for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < t.header().size(); c++) {
                cell(table.getRow(r + 1).getCell(c), t.rows().get(r).get(c), false, 5000 / t.header().size());
            }
        }
        docx.createParagraph();
    }

    private static void cell(XWPFTableCell cell, String text, boolean label, int fiftiethsOfAPercent) {
        cell.setWidth(Integer.toString(fiftiethsOfAPercent));
        cell.setWidthType(TableWidthType.PCT);
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(label ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        run(p, text, label ? HEADING_FONT : BODY_FONT, TABLE_SIZE + 2, false);
    }

    /** A run of text; a line break in the text is a line break in Word. */
    private static void run(XWPFParagraph paragraph, String text, String eastAsiaFont, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(eastAsiaFont, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    private static void pageSetup(XWPFDocument docx) {
        var body = docx.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(37L * TWIPS_PER_MM));
        margins.setBottom(BigInteger.valueOf(35L * TWIPS_PER_MM));
        margins.setLeft(BigInteger.valueOf(28L * TWIPS_PER_MM));
        margins.setRight(BigInteger.valueOf(26L * TWIPS_PER_MM));
        margins.setFooter(BigInteger.valueOf(20L * TWIPS_PER_MM));
        margins.setHeader(BigInteger.valueOf(15L * TWIPS_PER_MM));
        XWPFFooter footer = docx.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph number = footer.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        run(number, "— ", LATIN_FONT, 14, false);
        var page = number.getCTP().addNewFldSimple();
        page.setInstr("PAGE");
        page.addNewR().addNewT().setStringValue("1");
        run(number, " —", LATIN_FONT, 14, false);
    }
}
