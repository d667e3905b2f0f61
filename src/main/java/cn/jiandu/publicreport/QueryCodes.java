package cn.jiandu.publicreport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The query code (查询码) a citizen follows a report with: 100 random bits from SecureRandom, written as 20
 * characters of Crockford's base32 in four groups (no I, L, O or U to misread), stored only as its SHA-256.
 */
final class QueryCodes {

    static final int LENGTH = 20;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private QueryCodes() {
    }

    /** A new code, grouped for reading: XXXXX-XXXXX-XXXXX-XXXXX. */
    static String generate() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 5 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return code.toString();
    }

    /** The code as typed, without spaces or dashes, misread letters mapped; null if it cannot be a code. */
    static String normalize(String typed) {
        if (typed == null || typed.length() > 60) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != LENGTH || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return null;
        }
        return code;
    }

    /** What is stored of a code: the SHA-256 of its normalized form (100 random bits cannot be guessed from it). */
    static String hash(String normalized) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
