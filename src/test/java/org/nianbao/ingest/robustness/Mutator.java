package org.nianbao.ingest.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random mutations of an input's bytes, the kinds of damage real captures and hostile files show:
 * flipped bytes, truncation, random binary, stray or repeated markup, absurd table spans, deep nesting,
 * repeated chunks, MIME and charset confusion. Each mutation says what it did, so a failing case can be
 * understood as well as replayed. Sizes are capped so one case stays quick.
 */
final class Mutator {
    static final int MAX_BYTES = 768 * 1024;

    /** The mutated bytes and what was done to them. */
    record Mutant(byte[] bytes, List<String> steps) { }

    private static final String[] MARKUP = {
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=3>", "<tbody>", "<thead>", "<caption>表",
        "<div>", "</div>", "<p>", "</p>", "<br>", "<span style=\"display:none\">", "<script>", "</script>",
        "<style>p{}", "</style>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "<!DOCTYPE html>",
        "<html>", "</html>", "<body>", "</body>", "<head>", "<meta charset=\"utf-16\">", "<meta charset=\"big5\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=x-unknown\">", "<img src=\"\">",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "<img src=\"../../../../etc/passwd\">", "<iframe src=x>",
        "<td rowspan=0>", "<td colspan=\"-1\">", "<td colspan=1e9>", "<td rowspan=99999999999999999999>",
        "&#xFFFFFF;", "&#0;", "&#xD800;", "&bogus;", "&amp", "&#12345678901234567890;", "<<<>>>", "<a href=",
        "\u0000", "\r", "\n\n\n", "\t", "\uFEFF", "一、总体情况", "（一）", "|", " | ", "||||", "表1", "政府信息公开",
        "--boundary\r\nContent-Type: text/html\r\n\r\n", "------=_NextPart_\r\n", "Content-Transfer-Encoding: base64\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n", "=\r\n", "=E4=B8=80", "=ZZ", "Content-Type: multipart/related; boundary=\"\"\r\n",
        "Content-Location: file:///x\r\n", "Content-ID: <x>\r\n", "charset=gb2312", "charset=\"\"",
    };

    private final Random rnd;

    Mutator(long seed) {
        this.rnd = new Random(seed);
    }

    Mutant mutate(byte[] original) {
        byte[] b = original;
        List<String> steps = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(11);
            b = switch (kind) {
                case 0 -> flip(b, steps);
                case 1 -> truncate(b, steps);
                case 2 -> insertRandomBytes(b, steps);
                case 3, 4 -> insertMarkup(b, steps);
                case 5 -> hugeSpans(b, steps);
                case 6 -> deepNesting(b, steps);
                case 7 -> repeatChunk(b, steps);
                case 8 -> deleteChunk(b, steps);
                case 9 -> longRun(b, steps);
                default -> highBytes(b, steps);
            };
            if (b.length > MAX_BYTES) {
                b = java.util.Arrays.copyOf(b, MAX_BYTES);
                steps.add("capped at " + MAX_BYTES + " bytes");
            }
        }
        return new Mutant(b, steps);
    }

    private int pos(byte[] b) {
        return b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
    }

    private byte[] flip(byte[] b, List<String> steps) {
        if (b.length == 0) return b;
        byte[] c = b.clone();
        int k = 1 + rnd.nextInt(64);
        for (int i = 0; i < k; i++) {
            int p = rnd.nextInt(c.length);
            c[p] = rnd.nextBoolean() ? (byte) (c[p] ^ (1 << rnd.nextInt(8))) : (byte) rnd.nextInt(256);
        }
        steps.add("flipped " + k + " bytes");
        return c;
    }

    private byte[] truncate(byte[] b, List<String> steps) {
        int p = pos(b);
        steps.add("truncated at " + p);
        return java.util.Arrays.copyOf(b, p);
    }

    private byte[] insertRandomBytes(byte[] b, List<String> steps) {
        byte[] junk = new byte[1 + rnd.nextInt(4096)];
        rnd.nextBytes(junk);
        int p = pos(b);
        steps.add("inserted " + junk.length + " random bytes at " + p);
        return insert(b, p, junk);
    }

    private byte[] insertMarkup(byte[] b, List<String> steps) {
        String m = MARKUP[rnd.nextInt(MARKUP.length)];
        int times = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(2000) : rnd.nextInt(5));
        int p = pos(b);
        steps.add("inserted " + quote(m) + " x" + times + " at " + p);
        return insert(b, p, m.repeat(times).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] hugeSpans(byte[] b, List<String> steps) {
        int cols = 1 + rnd.nextInt(1200);
        int rows = 1 + rnd.nextInt(300);
        StringBuilder t = new StringBuilder("<table><tr>");
        for (int c = 0; c < cols; c++) t.append("<td>").append(c % 10).append("</td>");
        t.append("</tr><tr><td colspan=\"").append(rnd.nextBoolean() ? "2147483647" : String.valueOf(cols))
                .append("\" rowspan=\"").append(rnd.nextBoolean() ? "0" : String.valueOf(rows)).append("\">")
                .append("合并单元格的内容".repeat(1 + rnd.nextInt(200))).append("</td></tr>");
        for (int r = 1; r < rows; r++) t.append("<tr><td>").append(r).append("</td></tr>");
        t.append("</table>");
        int p = pos(b);
        steps.add("inserted a " + rows + "-row table with one cell spanning " + cols + " columns at " + p);
        return insert(b, p, t.toString().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] deepNesting(byte[] b, List<String> steps) {
        String[][] pairs = {{"<div>", "</div>"}, {"<table><tr><td>", "</td></tr></table>"}, {"<span><b><i>", "</i></b></span>"},
            {"<ul><li>", "</li></ul>"}, {"<blockquote>", "</blockquote>"}};
        String[] pair = pairs[rnd.nextInt(pairs.length)];
        int depth = 100 + rnd.nextInt(pair[0].length() > 10 ? 1500 : 4000);
        boolean closed = rnd.nextBoolean();
        String s = pair[0].repeat(depth) + "<p>深处的正文</p>" + (closed ? pair[1].repeat(depth) : "");
        int p = pos(b);
        steps.add("inserted " + (closed ? "" : "unclosed ") + quote(pair[0]) + " nested " + depth + " deep at " + p);
        return insert(b, p, s.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] repeatChunk(byte[] b, List<String> steps) {
        if (b.length == 0) return b;
        int from = rnd.nextInt(b.length);
        int len = 1 + rnd.nextInt(Math.min(64 * 1024, b.length - from));
        int times = 2 + rnd.nextInt(Math.max(1, Math.min(50, MAX_BYTES / len)));
        ByteArrayOutputStream o = new ByteArrayOutputStream(b.length + len * times);
        o.write(b, 0, from + len);
        for (int i = 1; i < times; i++) o.write(b, from, len);
        o.write(b, from + len, b.length - from - len);
        steps.add("repeated bytes " + from + ".." + (from + len) + " x" + times);
        return o.toByteArray();
    }

    private byte[] deleteChunk(byte[] b, List<String> steps) {
        if (b.length == 0) return b;
        int from = rnd.nextInt(b.length);
        int len = 1 + rnd.nextInt(b.length - from);
        byte[] c = new byte[b.length - len];
        System.arraycopy(b, 0, c, 0, from);
        System.arraycopy(b, from + len, c, from, b.length - from - len);
        steps.add("deleted bytes " + from + ".." + (from + len));
        return c;
    }

    private byte[] longRun(byte[] b, List<String> steps) {
        // one huge paragraph or line with no break: long texts stress joining, wrapping and regexes
        String[] units = {"本机关认真贯彻落实条例", "a", " ", "0", "。", "\u3000", "|", "=", "-"};
        String u = units[rnd.nextInt(units.length)];
        int times = 1000 + rnd.nextInt(100_000 / u.length());
        int p = pos(b);
        steps.add("inserted " + quote(u) + " x" + times + " at " + p);
        return insert(b, p, u.repeat(times).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] highBytes(byte[] b, List<String> steps) {
        // text in no known encoding: runs of bytes 0x80..0xFF
        byte[] junk = new byte[16 + rnd.nextInt(8192)];
        for (int i = 0; i < junk.length; i++) junk[i] = (byte) (0x80 + rnd.nextInt(128));
        int p = pos(b);
        steps.add("inserted " + junk.length + " high bytes at " + p);
        return insert(b, p, junk);
    }

    private static byte[] insert(byte[] b, int p, byte[] add) {
        byte[] c = new byte[b.length + add.length];
        System.arraycopy(b, 0, c, 0, p);
        System.arraycopy(add, 0, c, p, add.length);
        System.arraycopy(b, p, c, p + add.length, b.length - p);
        return c;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch < 0x20 || ch == 0xFEFF) sb.append(String.format("\\u%04x", (int) ch));
            else sb.append(ch);
        }
        return sb.append('"').toString();
    }
}
