package cn.jiandu.evidence;

import java.nio.charset.StandardCharsets;

/**
 * Content-Disposition for a download under the uploader's file name: "attachment" with the name in UTF-8
 * (RFC 6266, RFC 5987 filename*) and an ASCII stand-in for clients that read only filename.
 */
final class Attachment {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Attachment() {
    }

    static String disposition(String fileName) {
        return "attachment; filename=\"" + asciiStandIn(fileName) + "\"; filename*=UTF-8''" + encoded(fileName);
    }

    private static String asciiStandIn(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        return ascii.toString();
    }

    private static String encoded(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
