package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;

/**
 * Random and adversarial input for a bounded time: the normaliser never throws, and never grows a
 * text by more than a small factor (the largest growth is ㈠ → （一）, three characters for one).
 */
class NormalizerFuzzTest {
    private static final long BUDGET_NANOS = 5_000_000_000L;
    private static final String[] PIECES = {
        "政府信息公开", "報(bào)告", "根據(jù)", "(一)", "（", "）", "(", ")", "&#25919;", "&amp;", "&#x110000;", "&#",
        "锟斤拷", "烫烫烫", "\uFFFD", "\uD800", "\uDC00", "\uD840\uDC00", "\u200B", "\uFEFF", "\u3000", "\u00A0", "\n", "\r\n", "\t",
        " ", "  ", "2023", " 年 ", "-1-", "— 2 —", "第3页 共5页", "首页 |", "|", "更新日期:2021-01-20 浏览:", "㈠", "⻓", "⽣",
        "\uF900", "ＡＢＣ１２３", "，", "。", ",", ".", ":", ";", "?", "!", "％", "．", "乾燥", "著", "隨著", "說", "値",
        "ÕþÎñ", "æ”¿åºœ", "鏀垮簻", "現┎戈", "Ã¦â€", "\u0081", "\u0000", "\u001F", "a", "Z", "http://x.cn/?a=1&b=2"
    };

    @Test
    void randomAndAdversarialInputNeverThrowsNorExplodes() {
        TextNormalizer n = Fixtures.NORMALIZER;
        Random rnd = new Random(20240601L);
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        while (System.nanoTime() < deadline) {
            String s = cases % 3 == 0 ? randomChars(rnd) : cases % 3 == 1 ? randomPieces(rnd) : garbled(rnd);
            try {
                String out = n.normalize(s).text();
                assertTrue(out.length() <= 3 * s.length() + 8, "grew from " + s.length() + " to " + out.length());
                if (cases % 50 == 0) {
                    Document in = asDocument(s, rnd);
                    // the document repeats s on four pages and the joiner may join across them: bound by its total text
                    long total = in.blocks().stream().mapToLong(b -> b.text().length()).sum();
                    Document d = NormalizeStage.normalize(in, n);
                    for (Block b : d.blocks()) assertTrue(b.text().length() <= 3 * total + 8);
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("normaliser threw on input " + escape(s), e);
            }
            cases++;
        }
        assertTrue(cases > 100, "fuzzed " + cases + " inputs");
    }

    @Test
    void largeInputsStayBounded() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 400_000) sb.append("（（（（((((").append("&#x41;".repeat(3)).append("锟斤拷".repeat(5));
        String out = Fixtures.NORMALIZER.normalize(sb.toString()).text();
        assertTrue(out.length() <= sb.length() * 3);
        String oneRun = "鏀".repeat(200_000); // one enormous garbled run
        assertTrue(Fixtures.NORMALIZER.normalize(oneRun).text().length() <= oneRun.length() * 3);
    }

    private static String randomChars(Random rnd) {
        int len = rnd.nextInt(200);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int kind = rnd.nextInt(6);
            char c = switch (kind) {
                case 0 -> (char) rnd.nextInt(0x80);
                case 1 -> (char) (0x4E00 + rnd.nextInt(0x5200));
                case 2 -> (char) (0x80 + rnd.nextInt(0x180));
                case 3 -> (char) (0x2000 + rnd.nextInt(0x1000));
                case 4 -> (char) (0xF900 + rnd.nextInt(0x700));
                default -> (char) rnd.nextInt(0x10000);
            };
            sb.append(c);
        }
        return sb.toString();
    }

    private static String randomPieces(Random rnd) {
        int len = rnd.nextInt(60);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        return sb.toString();
    }

    /** Random bytes or real text, read with a random wrong charset. */
    private static String garbled(Random rnd) {
        Charset[] cs = {StandardCharsets.UTF_8, Charset.forName("GBK"), Charset.forName("GB18030"), Charset.forName("Big5"),
                StandardCharsets.ISO_8859_1, Charset.forName("windows-1252")};
        byte[] bytes;
        if (rnd.nextBoolean()) {
            bytes = new byte[rnd.nextInt(300)];
            rnd.nextBytes(bytes);
        } else {
            String text = randomPieces(rnd);
            bytes = text.getBytes(cs[rnd.nextInt(cs.length)]);
        }
        return new String(bytes, cs[rnd.nextInt(cs.length)]);
    }

    private static Document asDocument(String s, Random rnd) {
        List<Page> pages = new ArrayList<>();
        String[] parts = s.split("\n");
        for (int p = 0; p < 4; p++) {
            List<Block> blocks = new ArrayList<>();
            for (String part : parts) {
                if (rnd.nextBoolean()) blocks.add(new ParagraphBlock(part, List.of(), new Provenance(SourceKind.PDF, p + 1, Method.OCR, null), List.of()));
            }
            pages.add(new Page(p + 1, 0, 0, new PageReading(Method.OCR, "fuzz"), blocks, List.of()));
        }
        return new Document("fuzz", SourceKind.PDF, null, "0", pages, Status.done(), List.of(), Edits.none(), java.util.Map.of());
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return sb.toString();
    }
}
