package org.nianbao.ingest.robustness;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Hostile inputs, built byte by byte (PDF bombs, lying PNG headers) or with PDFBox (encryption). */
final class Hostile {
    private Hostile() { }

    /** {@code %PDF-} and then nothing a PDF reader can use. */
    static byte[] garbagePdf(long seed) {
        byte[] junk = new byte[8192];
        new Random(seed).nextBytes(junk);
        return concat("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(StandardCharsets.ISO_8859_1), junk);
    }

    /** A one-page PDF that opens only with the user password "secret". */
    static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 700);
                cs.showText("Annual report on government information disclosure");
                cs.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A well-formed PDF whose page tree is empty. */
    static byte[] zeroPagePdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A page whose dictionary holds arrays nested {@code depth} deep (a stack-overflow bomb for recursive parsers). */
    static byte[] nestedArraysPdf(int depth) {
        String nested = "[".repeat(depth) + "0" + "]".repeat(depth);
        return classicPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Nested " + nested + " >>",
                stream("", "BT /F1 12 Tf 72 700 Td (x) Tj ET".getBytes(StandardCharsets.US_ASCII))));
    }

    /** A page tree whose Pages node lists itself as a kid (an endless loop for a naive page walker). */
    static byte[] pageTreeLoopPdf() {
        return classicPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"));
    }

    /** A page whose content stream inflates from a few hundred KB to {@code inflatedMb} MB (a zip bomb). */
    static byte[] flateBombPdf(int inflatedMb) throws IOException {
        return classicPdf(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream("/Filter /FlateDecode", deflateRepeated(" ".getBytes(StandardCharsets.US_ASCII), inflatedMb * 1024 * 1024))));
    }

    /**
     * An object stream that claims a billion objects and inflates to {@code inflatedMb} MB of object
     * numbers, reached through a cross-reference stream (PDF 1.5) from the catalog: a parser that trusts
     * /N, or indexes every number it reads, runs out of memory.
     */
    static byte[] objectStreamBombPdf(int inflatedMb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[7];
        write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        offsets[1] = out.size();
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Names 5 0 R >>\nendobj\n");
        offsets[2] = out.size();
        write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets[3] = out.size();
        write(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 5 0 R >>\nendobj\n");
        offsets[4] = out.size();
        byte[] body = deflateRepeated("5 0 ".getBytes(StandardCharsets.US_ASCII), inflatedMb * 1024 * 1024);
        write(out, "4 0 obj\n<< /Type /ObjStm /N 1000000000 /First 4 /Filter /FlateDecode /Length " + body.length + " >>\nstream\n");
        out.write(body, 0, body.length);
        write(out, "\nendstream\nendobj\n");
        offsets[6] = out.size();
        // xref stream entries, W [1 4 2]: type, offset (or object stream number), generation (or index)
        ByteBuffer xref = ByteBuffer.allocate(7 * 7);
        xref.put((byte) 0).putInt(0).putShort((short) 0xFFFF);
        for (int i = 1; i <= 4; i++) xref.put((byte) 1).putInt((int) offsets[i]).putShort((short) 0);
        xref.put((byte) 2).putInt(4).putShort((short) 0);
        xref.put((byte) 1).putInt((int) offsets[6]).putShort((short) 0);
        write(out, "6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length 49 >>\nstream\n");
        out.write(xref.array(), 0, 49);
        write(out, "\nendstream\nendobj\nstartxref\n" + offsets[6] + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** A valid 1×1 grey PNG. */
    static byte[] tinyPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    /**
     * A PNG whose header claims {@code size}×{@code size} RGB pixels (30000² = 2.7 GB decoded) with a few
     * real rows of data: a decoder that allocates before checking the header runs out of memory.
     */
    static byte[] hugeHeaderPng(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(size).putInt(size).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        byte[] rows = new byte[16 * (1 + size * 3)]; // 16 rows, filter byte 0, black pixels
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
            d.write(rows);
        }
        chunk(out, "IDAT", z.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Bytes 0x80..0xFF in lines: text in no encoding anyone can name. */
    static byte[] unknownEncodingText(long seed, int size) {
        Random r = new Random(seed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = i % 61 == 60 ? (byte) '\n' : (byte) (0x80 + r.nextInt(128));
        return b;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array(), 0, 4);
        out.write(t, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, 4);
    }

    private static String stream(String dictExtra, byte[] data) {
        // ISO-8859-1 keeps every byte value as one char, so binary stream data survives the String trip
        return "<< " + dictExtra + " /Length " + data.length + " >>\nstream\n" + new String(data, StandardCharsets.ISO_8859_1) + "\nendstream";
    }

    /** A PDF with a classic xref table; object i+1 is {@code objects.get(i)}. */
    private static byte[] classicPdf(List<String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int off : offsets) x.append(String.format("%010d 00000 n \n", off));
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, x.toString());
        return out.toByteArray();
    }

    /**
     * zlib data that inflates to {@code unit} repeated up to {@code total} bytes, built in a few
     * milliseconds: one block compressed with a full flush (which resets the history, so the same input
     * always compresses to the same bytes) is repeated, then closed with an empty final block and the
     * Adler-32 of the whole.
     */
    static byte[] deflateRepeated(byte[] unit, int total) throws IOException {
        byte[] block = new byte[1 << 16];
        for (int i = 0; i < block.length; i++) block[i] = unit[i % unit.length];
        if (total % block.length != 0) throw new IllegalArgumentException("total must be a multiple of 64 KiB");
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] buf = new byte[1 << 17];
        d.setInput(block);
        int n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
        byte[] chunk = java.util.Arrays.copyOf(buf, n);
        d.setInput(new byte[0]);
        d.finish();
        int m = d.deflate(buf, 0, buf.length);
        d.end();
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        z.write(0x78);
        z.write(0xDA);
        for (int done = 0; done < total; done += block.length) {
            z.write(chunk, 0, chunk.length);
            adler.update(block);
        }
        z.write(buf, 0, m);
        z.write(ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
        return z.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
