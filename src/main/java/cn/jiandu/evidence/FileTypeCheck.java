package cn.jiandu.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a file is, judged from its bytes (Apache Tika's magic numbers, then the inside of Office
 * containers), and whether its name and the type its sender declared say the same. Nothing the client
 * says decides the type: an executable renamed .jpg is an executable.
 */
@Component
class FileTypeCheck {

    private static final Set<MediaType> EXECUTABLES = Set.of(MediaType.application("x-msdownload"),
            MediaType.application("x-executable"), MediaType.application("x-sharedlib"),
            MediaType.application("x-elf"), MediaType.application("x-mach-o"), MediaType.application("java-archive"),
            MediaType.application("java-vm"), MediaType.application("x-sh"), MediaType.application("x-bat"),
            MediaType.application("x-msi"));
    private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
    private static final MediaType ZIP = MediaType.application("zip");

    private final MimeTypes magic = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = magic.getMediaTypeRegistry();

    /** The evidence type of these bytes sent under this name and declared type, or a 400/415 saying why not. */
    EvidenceType check(byte[] bytes, String fileName, String declaredType) {
        if (bytes.length == 0) {
            throw refuse(HttpStatus.BAD_REQUEST, "文件 " + fileName + " 是空的（0 字节）：请选择有内容的文件重新上传。");
        }
        MediaType detected = detect(bytes);
        if (isExecutable(detected)) {
            throw refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "文件 " + fileName
                    + " 的内容是可执行程序，不论扩展名为何都不能作为证据材料上传。" + EvidenceType.ACCEPTED + "。");
        }
        String extension = extensionOf(fileName);
        EvidenceType named = EvidenceType.ofExtension(extension).orElseThrow(() -> refuse(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, (extension.isEmpty() ? "文件名 " + fileName + " 没有扩展名"
                        : "不接受扩展名为 ." + extension + " 的文件") + "。" + EvidenceType.ACCEPTED + "。"));
        EvidenceType actual = evidenceType(detected, bytes);
        if (actual == null) {
            throw refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "文件 " + fileName + " 的扩展名表明是" + named.label()
                    + "，但内容不是" + named.label() + "，也不是其他可接受的格式（检测为 " + detected.getBaseType()
                    + "）。文件可能已损坏或被改过扩展名。" + EvidenceType.ACCEPTED + "。");
        }
        if (actual != named) {
            throw refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "文件 " + fileName + " 的扩展名表明是" + named.label()
                    + "，但内容是" + actual.label() + "：请把扩展名改为与内容一致后重新上传，或确认是否选错了文件。");
        }
        if (!actual.agreesWithDeclared(declaredType)) {
            throw refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "文件 " + fileName + " 声明的类型 " + declaredType
                    + " 与其内容（" + actual.label() + "）不符：请重新选择文件上传。");
        }
        return actual;
    }

    private MediaType detect(byte[] bytes) {
        try {
            return magic.detect(new ByteArrayInputStream(bytes), new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isExecutable(MediaType detected) {
        return EXECUTABLES.stream().anyMatch(type -> is(detected, type));
    }

    private EvidenceType evidenceType(MediaType detected, byte[] bytes) {
        if (is(detected, MediaType.image("jpeg"))) {
            return EvidenceType.JPEG;
        }
        if (is(detected, MediaType.image("png"))) {
            return EvidenceType.PNG;
        }
        if (is(detected, MediaType.image("heic")) || is(detected, MediaType.image("heif"))) {
            return EvidenceType.HEIC;
        }
        if (is(detected, MediaType.application("pdf"))) {
            return EvidenceType.PDF;
        }
        if (is(detected, ZIP)) {
            return officeOpenXml(ContainerEntries.zipNames(bytes));
        }
        if (is(detected, OLE2)) {
            if (ContainerEntries.oleHasStream(bytes, "WordDocument")) {
                return EvidenceType.DOC;
            }
            if (ContainerEntries.oleHasStream(bytes, "Workbook") || ContainerEntries.oleHasStream(bytes, "Book")) {
                return EvidenceType.XLS;
            }
        }
        return null;
    }

    /** A docx or xlsx; not one with macros (docm, xlsm: a vbaProject.bin inside), not any other ZIP. */
    private static EvidenceType officeOpenXml(List<String> names) {
        if (!names.contains("[Content_Types].xml") || names.stream().anyMatch(name -> name.endsWith("vbaProject.bin"))) {
            return null;
        }
        if (names.contains("word/document.xml")) {
            return EvidenceType.DOCX;
        }
        return names.contains("xl/workbook.xml") ? EvidenceType.XLSX : null;
    }

    private boolean is(MediaType detected, MediaType type) {
        MediaType base = detected.getBaseType();
        return base.equals(type) || registry.isSpecializationOf(base, type)
                || registry.isSpecializationOf(registry.normalize(base), type);
    }

    static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1);
    }

    private static ResponseStatusException refuse(HttpStatus status, String detail) {
        return new ResponseStatusException(status, detail);
    }
}
