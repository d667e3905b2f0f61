package cn.jiandu.documents;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiandu.documents.PdfPages.Align;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The dossier's pages keep every word of a long record, and a character the font lacks costs one box, not the file. */
class PdfPagesTest {

    @Test
    void aFindingLongerThanAPageRunsOnOverPagesWithNothingLost() throws Exception {
        String findings = IntStream.rangeClosed(1, 400).mapToObj(i -> "第" + i + "项").collect(Collectors.joining("，"));

        String text = render(pages -> {
            pages.table(List.of("项目", "内容"), List.of(List.of("核实情况", findings), List.of("处置意见", "问责")),
                    new float[] {0.22f, 0.78f}, 11);
            pages.text(findings, 12, Align.LEFT, false, 24);
        });

        String flat = text.replaceAll("\\s", "");
        assertThat(flat).as("every item of the cell, then the next row, then the paragraph to its end")
                .contains("核实情况第1项，第2项", "第249项，第250项", "第399项，第400项处置意见问责第1项，第2项")
                .endsWith("第399项，第400项");
    }

    @Test
    void aCharacterTheFontLacksIsABoxAndTheRestIsPrinted() throws Exception {
        String text = render(pages -> pages.text("张\uD842\uDFB7明（\u0007）、王堃：已整改", 12, Align.LEFT, false, 0));

        assertThat(text).as("𠮷 is beyond the font, 堃 (not in GB2312) was added for names").contains("张□明（）、王堃：已整改");
    }

    private static String render(java.util.function.Consumer<PdfPages> write) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PdfPages pages = new PdfPages(pdf);
            pages.newPage();
            write.accept(pages);
            pages.close();
            pdf.save(out);
        }
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            return new PDFTextStripper().getText(pdf);
        }
    }
}
