package cn.jiandu.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of evidence uploads.
 *
 * @param maxFileSize the largest file accepted (JIANDU_EVIDENCE_MAX_FILE_SIZE, 20MB unless set); Spring's
 *     multipart limit follows it, see application.yaml
 */
@ConfigurationProperties("jiandu.evidence")
record EvidenceProperties(@DefaultValue("20MB") DataSize maxFileSize) {

    /** "20 MB", as a person reads it. */
    String maxFileSizeText() {
        long bytes = maxFileSize.toBytes();
        return bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? maxFileSize.toMegabytes() + " MB"
                : bytes % 1024 == 0 ? maxFileSize.toKilobytes() + " KB" : bytes + " 字节";
    }
}
