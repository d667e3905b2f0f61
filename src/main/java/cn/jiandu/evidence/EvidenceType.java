package cn.jiandu.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file accepted as evidence: photos (a video still is a photo), PDF, Word and Excel. Each
 * with the type Jiandu stores and serves, the name people read, the extensions its files carry and the
 * types clients declare for it.
 */
enum EvidenceType {

    JPEG("image/jpeg", "JPEG 照片", Set.of("jpg", "jpeg", "jpe", "jfif"), Set.of("image/jpeg", "image/jpg", "image/pjpeg")),
    PNG("image/png", "PNG 图片", Set.of("png"), Set.of("image/png", "image/x-png")),
    HEIC("image/heic", "HEIC 照片", Set.of("heic", "heif"),
            Set.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence")),
    PDF("application/pdf", "PDF 文档", Set.of("pdf"), Set.of("application/pdf", "application/x-pdf")),
    DOC("application/msword", "Word 文档（doc）", Set.of("doc"), Set.of("application/msword")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档（docx）",
            Set.of("docx"), Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    XLS("application/vnd.ms-excel", "Excel 表格（xls）", Set.of("xls"), Set.of("application/vnd.ms-excel", "application/excel",
            "application/x-excel", "application/x-msexcel")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格（xlsx）", Set.of("xlsx"),
            Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /** What a refusal tells the person they may upload instead. */
    static final String ACCEPTED = "可上传的证据材料：照片（JPG、PNG、HEIC）、PDF、Word（DOC、DOCX）、Excel（XLS、XLSX）";

    private final String mediaType;
    private final String label;
    private final Set<String> extensions;
    private final Set<String> declaredTypes;

    EvidenceType(String mediaType, String label, Set<String> extensions, Set<String> declaredTypes) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = extensions;
        this.declaredTypes = declaredTypes;
    }

    String mediaType() {
        return mediaType;
    }

    String label() {
        return label;
    }

    boolean hasExtension(String extension) {
        return extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** Whether a client's Content-Type for the part agrees; browsers and curl send none or octet-stream when unsure. */
    boolean agreesWithDeclared(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String type = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/octet-stream") || declaredTypes.contains(type);
    }

    static Optional<EvidenceType> ofExtension(String extension) {
        return Arrays.stream(values()).filter(type -> type.hasExtension(extension)).findFirst();
    }

    static Optional<EvidenceType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }

    static String labelOf(String mediaType) {
        return ofMediaType(mediaType).map(EvidenceType::label).orElse(mediaType);
    }
}
