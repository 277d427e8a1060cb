package org.nianbao.ingest.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.SourceKind;

class SnifferTest {
    static SourceKind kind(byte[] b) {
        return Sniffer.classify(b, "x").kind();
    }

    @Test
    void byContentNotByName() {
        assertEquals(SourceKind.PDF, kind("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(SourceKind.IMAGE, kind(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
        assertEquals(SourceKind.IMAGE, kind(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(SourceKind.IMAGE, kind(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}));
        assertEquals(SourceKind.HTML, kind("\n<!DOCTYPE html><html><body>报告</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SourceKind.HTML, kind("<meta charset=gb2312><table><tr><td>x</td></tr></table>".getBytes(Charset.forName("GB18030"))));
        assertEquals(SourceKind.MHTML, kind(("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";"
                + " boundary=\"----b\"\r\n\r\n------b\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertEquals(SourceKind.TEXT, kind("一、总体情况\n本年度……".getBytes(Charset.forName("GB18030"))));
        // UTF-16 with a BOM has NUL bytes but is text
        assertEquals(SourceKind.TEXT, kind(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x4E, 0x01, 0x30}));
    }

    @Test
    void binaryAndEmptyAreUnknown() {
        assertEquals(SourceKind.UNKNOWN, kind(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}));
        assertEquals(SourceKind.UNKNOWN, kind(new byte[0]));
    }
}
