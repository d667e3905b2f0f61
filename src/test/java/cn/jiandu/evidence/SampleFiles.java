package cn.jiandu.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Files as officers have them: a photo taken on site, a scanned record, Office documents — and impostors. */
final class SampleFiles {

    private SampleFiles() {
    }

    static byte[] photo(String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg() {
        return photo("jpg");
    }

    static byte[] png() {
        return photo("png");
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A HEIC photo's first box, as an iPhone writes it. */
    static byte[] heic() {
        byte[] bytes = new byte[64];
        byte[] box = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(box, 0, bytes, 0, box.length);
        return bytes;
    }

    static byte[] docx() {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    }

    static byte[] xlsx() {
        return zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    }

    /** A Word file with macros (docm) under a docx name. */
    static byte[] docxWithMacros() {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/vbaProject.bin");
    }

    static byte[] plainZip() {
        return zip("readme.txt", "data/list.csv");
    }

    static byte[] doc() {
        return ole2("WordDocument");
    }

    static byte[] xls() {
        return ole2("Workbook");
    }

    /** An ELF executable's header (Linux). */
    static byte[] elf() {
        byte[] bytes = new byte[256];
        byte[] header = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    /** A Windows program (PE with its MZ stub). */
    static byte[] windowsProgram() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3C] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 0x4E, stub.length);
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    static byte[] ofSize(int size) {
        byte[] photo = jpeg();
        byte[] bytes = new byte[size];
        System.arraycopy(photo, 0, bytes, 0, photo.length);
        return bytes;
    }

    private static byte[] zip(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("<x>" + name + "</x>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An OLE2 compound file's header and one directory entry naming its main stream. */
    private static byte[] ole2(String stream) {
        byte[] bytes = new byte[2048];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        bytes[0x1A] = 0x3E;
        bytes[0x1C] = (byte) 0xFE;
        bytes[0x1D] = (byte) 0xFF;
        bytes[0x1E] = 0x09;
        byte[] root = "Root Entry".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(root, 0, bytes, 1024, root.length);
        byte[] name = stream.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, bytes, 1024 + 128, name.length);
        return bytes;
    }
}
