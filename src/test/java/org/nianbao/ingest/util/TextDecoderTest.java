package org.nianbao.ingest.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    static final String TEXT = "一、总体情况\n2023年，本局深入贯彻落实《中华人民共和国政府信息公开条例》，朱镕基、王堃。";

    @Test
    void gbkLabelDecodesAsGb18030() {
        byte[] b = TEXT.getBytes(TextDecoder.GB18030); // 镕 and 堃 are outside GB2312
        TextDecoder.Decoded d = TextDecoder.decode(b, "gb2312");
        assertEquals(TEXT, d.text());
        assertEquals("declared", d.how());
        assertNull(d.note());
    }

    @Test
    void wrongDeclarationIsOverruled() {
        byte[] b = TEXT.getBytes(TextDecoder.GB18030);
        TextDecoder.Decoded d = TextDecoder.decode(b, "utf-8");
        assertEquals(TEXT, d.text());
        assertNotNull(d.note());
        TextDecoder.Decoded d2 = TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "gbk");
        assertEquals(TEXT, d2.text());
        assertNotNull(d2.note());
    }

    @Test
    void undeclaredIsDetected() {
        assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(TextDecoder.GB18030), null).text());
        assertEquals(TEXT, TextDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), null).text());
        String trad = "根據《中華人民共和國政府信息公開條例》，結合本局實際，編制發布本報告。";
        assertEquals(trad, TextDecoder.decode(trad.getBytes(Charset.forName("Big5")), null).text());
    }

    @Test
    void bomWinsAndDamagedBytesAreFlagged() {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals(TEXT, TextDecoder.decode(withBom, "gbk").text());
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 1);
        cut[5] = (byte) 0xFF;
        TextDecoder.Decoded d = TextDecoder.decode(cut, null);
        assertTrue(d.lossy());
    }
}
