package cn.jiandu.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/**
 * A file is what its bytes are: photos, PDF, Word and Excel pass under their own names; an executable
 * renamed .jpg, a PDF named .jpg, a spreadsheet named .docx, a Word file with macros, a ZIP, an empty
 * file and a type declared against the bytes are refused with a reason a person can act on.
 */
class FileTypeCheckTest {

    private final FileTypeCheck check = new FileTypeCheck();

    @Test
    void photosScansAndOfficeDocumentsAreRecognisedFromTheirBytes() {
        assertThat(check.check(SampleFiles.jpeg(), "现场照片.jpg", "image/jpeg")).isEqualTo(EvidenceType.JPEG);
        assertThat(check.check(SampleFiles.jpeg(), "IMG_0001.JPEG", null)).isEqualTo(EvidenceType.JPEG);
        assertThat(check.check(SampleFiles.png(), "视频截图.png", "application/octet-stream")).isEqualTo(EvidenceType.PNG);
        assertThat(check.check(SampleFiles.heic(), "IMG_0002.HEIC", "")).isEqualTo(EvidenceType.HEIC);
        assertThat(check.check(SampleFiles.pdf(), "谈话笔录.pdf", "application/pdf")).isEqualTo(EvidenceType.PDF);
        assertThat(check.check(SampleFiles.docx(), "核实报告.docx", null)).isEqualTo(EvidenceType.DOCX);
        assertThat(check.check(SampleFiles.xlsx(), "物资台账.xlsx", null)).isEqualTo(EvidenceType.XLSX);
        assertThat(check.check(SampleFiles.doc(), "情况说明.doc", "application/msword")).isEqualTo(EvidenceType.DOC);
        assertThat(check.check(SampleFiles.xls(), "排班表.xls", null)).isEqualTo(EvidenceType.XLS);
    }

    @Test
    void anExecutableRenamedAsAPhotoIsRefusedAsAProgram() {
        assertRefused(SampleFiles.elf(), "现场照片.jpg", "image/jpeg", 415, "可执行程序");
        assertRefused(SampleFiles.windowsProgram(), "现场照片.jpg", "image/jpeg", 415, "可执行程序");
        assertRefused(SampleFiles.windowsProgram(), "setup.exe", null, 415, "可执行程序");
    }

    @Test
    void bytesThatAreNotWhatTheNameSaysAreRefused() {
        assertRefused(SampleFiles.pdf(), "现场照片.jpg", null, 415, "扩展名表明是JPEG 照片，但内容是PDF 文档");
        assertRefused(SampleFiles.xlsx(), "核实报告.docx", null, 415, "内容是Excel 表格（xlsx）");
        assertRefused(SampleFiles.docxWithMacros(), "核实报告.docx", null, 415, "不是Word 文档（docx）");
        assertRefused(SampleFiles.plainZip(), "材料.docx", null, 415, "检测为 application/zip");
        assertRefused("只是一段文字".getBytes(java.nio.charset.StandardCharsets.UTF_8), "说明.pdf", null, 415, "不是PDF 文档");
        assertRefused(SampleFiles.jpeg(), "说明.txt", null, 415, "不接受扩展名为 .txt 的文件");
        assertRefused(SampleFiles.jpeg(), "照片", null, 415, "没有扩展名");
    }

    @Test
    void aTypeDeclaredAgainstTheBytesIsRefused() {
        assertRefused(SampleFiles.jpeg(), "现场照片.jpg", "application/pdf", 415, "声明的类型 application/pdf");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertRefused(new byte[0], "现场照片.jpg", "image/jpeg", 400, "是空的");
    }

    private void assertRefused(byte[] bytes, String name, String declared, int status, String detail) {
        assertThatThrownBy(() -> check.check(bytes, name, declared))
                .isInstanceOfSatisfying(ResponseStatusException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).as(refused.getReason()).isEqualTo(status);
                    assertThat(refused.getReason()).contains(detail);
                });
    }
}
