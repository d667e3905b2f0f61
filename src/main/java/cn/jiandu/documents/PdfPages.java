package cn.jiandu.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Writes text and tables down A4 pages with the CJK font that ships in the jar
 * (fonts/JianduSerifSC-Regular.ttf, embedded as a subset): wraps lines at any character (Chinese has no
 * spaces to wrap at), starts a new page when one is full, draws bold by stroking the outline.
 * A character the font lacks is printed as □ rather than failing the whole dossier.
 */
final class PdfPages {

    static final String FONT = "/fonts/JianduSerifSC-Regular.ttf";
    static final float MARGIN = 64;
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float BOTTOM = 72;

    enum Align { LEFT, CENTER, RIGHT }

    private final PDDocument pdf;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    PdfPages(PDDocument pdf) {
        this.pdf = pdf;
        try (InputStream ttf = PdfPages.class.getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IllegalStateException(FONT + " is not on the classpath");
            }
            this.font = PDType0Font.load(pdf, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PDType0Font font() {
        return font;
    }

    PDPage newPage() {
        close();
        page = new PDPage(A4);
        pdf.addPage(page);
        try {
            content = new PDPageContentStream(pdf, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = A4.getHeight() - MARGIN;
        return page;
    }

    /** Writes on a page made earlier (the contents page, filled in last), from its top. */
    void resume(PDPage earlier) {
        close();
        page = earlier;
        try {
            content = new PDPageContentStream(pdf, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = A4.getHeight() - MARGIN;
    }

    /** A line of the contents: the part at the left, its page at the right, dots between. */
    void leader(String left, String right, float size) {
        float leading = size * 1.9f;
        y -= leading;
        float rightX = A4.getWidth() - MARGIN - width(right, size);
        float dotsFrom = MARGIN + width(clean(left), size) + size / 2;
        StringBuilder dots = new StringBuilder();
        while (dotsFrom + width(dots + ".", size) < rightX - size / 2) {
            dots.append('.');
        }
        show(clean(left), MARGIN, y, size, false);
        show(dots.toString(), dotsFrom, y, size, false);
        show(right, rightX, y, size, false);
    }

    void space(float points) {
        y -= points;
    }

    /** Moves down to {@code fromTop} points below the top edge of the page (for the cover). */
    void at(float fromTop) {
        y = A4.getHeight() - fromTop;
    }

    void text(String text, float size, Align align, boolean bold, float firstIndent) {
        float leading = size * 1.6f;
        float width = A4.getWidth() - 2 * MARGIN;
        boolean first = true;
        for (String line : wrap(clean(text), size, width, firstIndent)) {
            if (y - leading < BOTTOM) {
                newPage();
            }
            y -= leading;
            float indent = first ? firstIndent : 0;
            float x = switch (align) {
                case LEFT -> MARGIN + indent;
                case CENTER -> (A4.getWidth() - width(line, size)) / 2;
                case RIGHT -> A4.getWidth() - MARGIN - width(line, size);
            };
            show(line, x, y + size * 0.3f, size, bold);
            first = false;
        }
    }

    /**
     * A table with a header row repeated on each new page; widths are fractions of the text width. A row
     * that does not fit starts a new page; one taller than a page (a long finding) runs on over pages.
     */
    void table(List<String> header, List<List<String>> rows, float[] widths, float size) {
        float total = A4.getWidth() - 2 * MARGIN;
        y -= size / 2;
        row(header, widths, total, size, true);
        for (List<String> row : rows) {
            float h = height(row, widths, total, size);
            if (y - h < BOTTOM && h <= A4.getHeight() - 2 * MARGIN - BOTTOM) {
                newPage();
                row(header, widths, total, size, true);
            }
            row(row, widths, total, size, false);
        }
        y -= size;
    }

    private float height(List<String> cells, float[] widths, float total, float size) {
        return cellLines(cells, widths, total, size).stream().mapToInt(List::size).max().orElse(1)
                * size * 1.4f + 6;
    }

    private List<List<String>> cellLines(List<String> cells, float[] widths, float total, float size) {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            lines.add(wrap(clean(cells.get(c)), size, widths[c] * total - 6, 0));
        }
        return lines;
    }

    private void row(List<String> cells, float[] widths, float total, float size, boolean bold) {
        List<List<String>> lines = cellLines(cells, widths, total, size);
        int count = lines.stream().mapToInt(List::size).max().orElse(1);
        float lineHeight = size * 1.4f;
        int done = 0;
        while (done < count) {
            int room = (int) ((y - BOTTOM - 6) / lineHeight);
            if (room < 1) {
                newPage();
                continue;
            }
            int take = Math.min(room, count - done);
            float h = take * lineHeight + 6;
            float x = MARGIN;
            try {
                for (int c = 0; c < cells.size(); c++) {
                    float w = widths[c] * total;
                    content.setLineWidth(0.5f);
                    content.addRect(x, y - h, w, h);
                    content.stroke();
                    List<String> cell = lines.get(c);
                    float lineY = y - 3 - size;
                    for (int i = done; i < Math.min(done + take, cell.size()); i++) {
                        show(cell.get(i), x + 3, lineY + size * 0.15f, size, bold);
                        lineY -= lineHeight;
                    }
                    x += w;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            y -= h;
            done += take;
            if (done < count) {
                newPage();
            }
        }
    }

    /** Page numbers at the foot of every page but the cover, once all pages exist. */
    void number(List<PDPage> pages) {
        close();
        int count = pages.size();
        for (int i = 1; i < count; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(pdf, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String label = "— " + (i + 1) + " / " + count + " —";
                foot.beginText();
                foot.setFont(font, 10);
                foot.newLineAtOffset((A4.getWidth() - width(label, 10)) / 2, 36);
                foot.showText(label);
                foot.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void close() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    private void show(String line, float x, float baseline, float size, boolean bold) {
        try {
            content.beginText();
            content.setFont(font, size);
            if (bold) {
                content.setRenderingMode(RenderingMode.FILL_STROKE);
                content.setLineWidth(size / 30);
            }
            content.newLineAtOffset(x, baseline);
            content.showText(line);
            content.endText();
            if (bold) {
                content.setRenderingMode(RenderingMode.FILL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, float size, float width, float firstIndent) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float used = lines.isEmpty() ? firstIndent : 0;
            for (int i = 0; i < paragraph.length(); ) {
                int codePoint = paragraph.codePointAt(i);
                String ch = new String(Character.toChars(codePoint));
                float w = width(ch, size);
                if (used + w > width && !line.isEmpty() && !closes(codePoint)) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(ch);
                used += w;
                i += Character.charCount(codePoint);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Punctuation that may not begin a line (避头): it stays at the end of the line before, a little over. */
    private static boolean closes(int codePoint) {
        return "，。、；：？！）》」』”’,.;:?!)".indexOf(codePoint) >= 0;
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tabs as spaces, other control characters dropped, characters the font lacks as □. */
    private String clean(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? Texts.NOT_RECORDED : text).replace("\r\n", "\n").codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(printable.computeIfAbsent(cp, this::hasGlyph) ? cp : '□');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
