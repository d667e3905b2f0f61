package cn.jiandu.evidence;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What is inside the two containers Office files come in, read without unpacking anything (a crafted
 * archive could unpack to gigabytes): the names in a ZIP's central directory (docx, xlsx), the stream
 * names an OLE2 compound file holds (doc, xls).
 */
final class ContainerEntries {

    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;

    private ContainerEntries() {
    }

    /** The entry names of a ZIP archive; empty when its central directory cannot be read. */
    static List<String> zipNames(byte[] zip) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xFFFF); at--) {
            if (bytes.getInt(at) == END_OF_DIRECTORY) {
                end = at;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        if (end < 0) {
            return names;
        }
        int count = Short.toUnsignedInt(bytes.getShort(end + 10));
        long at = Integer.toUnsignedLong(bytes.getInt(end + 16));
        for (int i = 0; i < count && at + 46 <= zip.length; i++) {
            int entry = (int) at;
            if (bytes.getInt(entry) != DIRECTORY_ENTRY) {
                return List.of();
            }
            int nameLength = Short.toUnsignedInt(bytes.getShort(entry + 28));
            int extraLength = Short.toUnsignedInt(bytes.getShort(entry + 30));
            int commentLength = Short.toUnsignedInt(bytes.getShort(entry + 32));
            if (entry + 46 + nameLength > zip.length) {
                return List.of();
            }
            names.add(new String(zip, entry + 46, nameLength, StandardCharsets.UTF_8));
            at = (long) entry + 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    /** Whether an OLE2 compound file names a stream so (directory entries hold names in UTF-16LE). */
    static boolean oleHasStream(byte[] ole, String streamName) {
        byte[] name = streamName.getBytes(StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + name.length + 2 <= ole.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (ole[i + j] != name[j]) {
                    continue outer;
                }
            }
            // The name ends there: a NUL character follows.
            if (ole[i + name.length] == 0 && ole[i + name.length + 1] == 0) {
                return true;
            }
        }
        return false;
    }
}
