package cn.jiandu.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * Seals a reporter's identity with AES-256-GCM: a fresh 96-bit nonce each time, the case number as associated
 * data (a sealed identity copied onto another case does not open), the key's id stored beside it. What is
 * stored is base64(nonce ‖ ciphertext ‖ tag); the database never sees a name, phone or e-mail in clear text.
 */
@Component
public class ReporterSeal {

    /** A sealed identity as jd_case stores it (reporter_identity, reporter_key_id). */
    public record Sealed(String keyId, String sealed) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReporterKeys keys;
    private final SecureRandom random = new SecureRandom();

    ReporterSeal(ReporterKeys keys) {
        this.keys = keys;
    }

    /** Null for no identity (an anonymous report stores none). */
    Sealed seal(String caseNumber, ReporterIdentity identity) {
        if (identity == null || identity.isEmpty()) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, caseNumber);
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(identity));
            return new Sealed(keys.currentId(), Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot seal a reporter identity", e);
        }
    }

    /** The identity, or null if none was stored; fails loudly if the key is missing or the bytes were altered. */
    ReporterIdentity open(String caseNumber, Sealed sealed) {
        if (sealed == null || sealed.sealed() == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.sealed());
            byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keys.byId(sealed.keyId()), nonce, caseNumber);
            byte[] clear = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return JSON.readValue(clear, ReporterIdentity.class);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("the reporter identity of " + caseNumber + " does not open: altered,"
                    + " or sealed for another case", e);
        }
    }

    /** Whether this sealed identity was sealed with an old key (rotation re-seals it with the current one). */
    boolean isOld(Sealed sealed) {
        return sealed != null && !keys.currentId().equals(sealed.keyId());
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String caseNumber) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(caseNumber.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
