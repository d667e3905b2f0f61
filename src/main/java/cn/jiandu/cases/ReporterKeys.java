package cn.jiandu.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The AES-256 keys that seal reporters' identities: the current key (JIANDU_REPORTER_KEY, base64 of 32 bytes)
 * seals, it and the old keys (JIANDU_REPORTER_OLD_KEYS, comma-separated) open. Each key is known by an id
 * derived from the key itself, stored beside each sealed identity, so rotation needs no bookkeeping
 * (docs/security.md). Without a key, only the embedded demonstration run (jiandu.reporter.generate-key)
 * makes one in its data directory; any other run refuses to start rather than store identities unprotected.
 */
@Component
public class ReporterKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ReporterKeys.class);
    private static final int KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    ReporterKeys(@Value("${jiandu.reporter.key:}") String key, @Value("${jiandu.reporter.old-keys:}") String oldKeys,
            @Value("${jiandu.reporter.generate-key:false}") boolean generate,
            @Value("${jiandu.reporter.key-file:./data/reporter-key}") Path keyFile) {
        byte[] current = key.isBlank() ? generatedOrRefused(generate, keyFile) : decode(key, "JIANDU_REPORTER_KEY");
        this.currentId = idOf(current);
        keys.put(currentId, new SecretKeySpec(current, "AES"));
        for (String old : oldKeys.split(",")) {
            if (!old.isBlank()) {
                byte[] bytes = decode(old.strip(), "JIANDU_REPORTER_OLD_KEYS");
                keys.putIfAbsent(idOf(bytes), new SecretKeySpec(bytes, "AES"));
            }
        }
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /** The key of this id, or an exception naming what the operator must restore. */
    SecretKey byId(String id) {
        SecretKey found = keys.get(id);
        if (found == null) {
            throw new IllegalStateException("举报人身份信息由编号为 " + id + " 的密钥加密，但当前配置中没有这把密钥："
                    + "请把它加入 JIANDU_REPORTER_OLD_KEYS（见 docs/security.md）");
        }
        return found;
    }

    /** A key's id: the start of its SHA-256, which names the key without revealing it. */
    static String idOf(byte[] key) {
        try {
            return "k" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] decode(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " 不是有效的 base64：请用 `openssl rand -base64 32` 生成", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(setting + " 须为 32 字节（256 位）的密钥，base64 编码；当前为 " + bytes.length
                    + " 字节。请用 `openssl rand -base64 32` 生成");
        }
        return bytes;
    }

    private static byte[] generatedOrRefused(boolean generate, Path keyFile) {
        if (!generate) {
            throw new IllegalStateException("未设置 JIANDU_REPORTER_KEY：举报人的姓名、电话和邮箱必须加密保存，没有密钥不能启动。"
                    + "请用 `openssl rand -base64 32` 生成密钥并妥善保管（见 docs/security.md）");
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                // Written beside, then moved: two runs starting at once both end up with one key.
                Path partial = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "reporter-key", ".tmp");
                Files.writeString(partial, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                restrict(partial);
                try {
                    Files.move(partial, keyFile, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(partial);
                }
            }
            LOG.warn("!!! 未设置 JIANDU_REPORTER_KEY：举报人身份信息使用自动生成并保存在 {} 的密钥加密。仅供嵌入式演示使用；"
                    + "正式部署请设置 JIANDU_REPORTER_KEY 并离线备份，丢失密钥将无法解密举报人身份 !!!", keyFile.toAbsolutePath());
            return decode(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the reporter key file " + keyFile, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the data directory's own permissions apply.
        }
    }
}
