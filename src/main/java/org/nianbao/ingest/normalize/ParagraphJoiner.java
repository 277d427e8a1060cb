package org.nianbao.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.util.Headings;

/**
 * Text that reads as one: a paragraph broken by the page width or a page break comes back together.
 * Seed 004 has {@code 提交政府信息公} and {@code 开的申请。} as two paragraphs on either side of a
 * page break.
 *
 * <p>Two consecutive paragraphs (in reading order, across pages, after furniture is removed) join when
 * the first does not end a sentence or clause ({@code 。！？；：} and closing brackets or quotes end one),
 * is at least {@value #MIN_FIRST} characters long (a short line without a full stop is a label or a
 * heading, not a paragraph cut by the margin), and the second starts like a continuation: with an
 * ideograph or continuing punctuation, not with a list or heading marker ({@code （三）}, {@code 三、},
 * {@code 1.}, {@code 一是}, {@code ①}, {@code 第二条}, {@code 附件}). Headings, tables and images never join.
 * Inside one paragraph block, line breaks are joined by the same rule without the length condition.
 */
final class ParagraphJoiner {
    static final int MIN_FIRST = 12;
    private static final Pattern LIST_START = Pattern.compile(
            "^([（(]\\s*[一二三四五六七八九十百\\d]{1,3}\\s*[）)]|[一二三四五六七八九十百]{1,3}\\s*[、.．]|\\d{1,3}\\s*[、.．](?!\\d)|[一二三四五六七八九十]是"
            + "|[①-⑳⑴-⒇㈠-㈩]|第[一二三四五六七八九十百\\d]{1,4}[章节条款部分项]|附件|附表|注[：:]|[（(]?[a-zA-Z][)）]|[•·●■□◆◇▪\\-－—])");

    private ParagraphJoiner() { }

    /** Joins across blocks; returns the number of joins. */
    static int joinParagraphs(List<BlockSlot> slots, EditLog log) {
        int joins = 0;
        BlockSlot prev = null;
        for (BlockSlot cur : slots) {
            if (cur.removed) continue;
            if (prev != null && prev.block instanceof ParagraphBlock a && cur.block instanceof ParagraphBlock b
                    && canJoin(a.text(), b.text(), true)) {
                prev.block = merge(a, b);
                cur.removed = true;
                joins++;
                continue;
            }
            prev = cur;
        }
        log.add("paragraphs-joined", joins);
        return joins;
    }

    /** Joins the visual lines inside one heading or paragraph text. */
    static String joinLines(String text, EditLog log) {
        if (text.indexOf('\n') < 0) return text;
        String[] lines = text.split("\n");
        StringBuilder sb = new StringBuilder(text.length());
        long joined = 0;
        String last = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (last == null) {
                sb.append(line);
            } else if (canJoin(last, line, false)) {
                sb.append(glue(last, line)).append(line);
                joined++;
            } else {
                sb.append('\n').append(line);
            }
            last = line;
        }
        log.add("line-breaks-joined", joined);
        return sb.toString();
    }

    static boolean canJoin(String a, String b, boolean acrossBlocks) {
        String first = a.strip();
        String second = b.strip();
        if (first.isEmpty() || second.isEmpty()) return false;
        if (acrossBlocks && first.codePointCount(0, first.length()) < MIN_FIRST) return false;
        if (acrossBlocks && looksLikeTitle(first)) return false;
        char end = first.charAt(first.length() - 1);
        if (!continuesAfter(end)) return false;
        char start = second.charAt(0);
        if (!(Cjk.isIdeograph(start) || start == '，' || start == '、' || start == '“' || start == '《' || start == '）'
                || !acrossBlocks && (Cjk.isAsciiAlnum(start) || start == '（'))) {
            return false;
        }
        if (LIST_START.matcher(second).lookingAt()) return false;
        return Headings.level(first) == 0 && Headings.level(second) == 0;
    }

    private static final Pattern TITLE_END = Pattern.compile("(报告|说明|通知|公告|决定|意见|办法|规定|方案|情况|目录|附表|附件)$");

    /** A short line without any clause punctuation that ends like a document title is a title, not a cut paragraph. */
    static boolean looksLikeTitle(String s) {
        if (s.length() > 40) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '，' || c == '、' || c == '；' || c == '：' || c == '。') return false;
        }
        return TITLE_END.matcher(s).find();
    }

    /** A paragraph ending in this character may continue in the next one. */
    private static boolean continuesAfter(char c) {
        return Cjk.isIdeograph(c) || Cjk.isAsciiAlnum(c) || c == '，' || c == '、' || c == '“' || c == '（' || c == '《'
                || c == '—' || c == '-' || c == '%';
    }

    private static String glue(String a, String b) {
        char x = a.charAt(a.length() - 1);
        char y = b.charAt(0);
        return Cjk.isAsciiAlnum(x) && Cjk.isAsciiAlnum(y) ? " " : "";
    }

    private static ParagraphBlock merge(ParagraphBlock a, ParagraphBlock b) {
        String at = a.text().strip();
        String bt = b.text().strip();
        List<Line> lines = new ArrayList<>(a.lines());
        lines.addAll(b.lines());
        Provenance p = a.provenance();
        if (p != null && b.provenance() != null) {
            String detail = (p.detail() == null ? "" : p.detail()) + " + "
                    + (b.provenance().page() != p.page() ? "page " + b.provenance().page() + " " : "")
                    + (b.provenance().detail() == null ? "" : b.provenance().detail());
            p = p.withDetail(detail.length() > 200 ? detail.substring(0, 200) : detail.strip());
        }
        List<org.nianbao.ingest.model.Warning> ws = new ArrayList<>(a.warnings());
        ws.addAll(b.warnings());
        return new ParagraphBlock(at + glue(at, bt) + bt, lines, p, ws);
    }

    /** A heading or paragraph with new text (other kinds are returned unchanged). */
    static Block withText(Block b, String text) {
        if (b instanceof ParagraphBlock p) return p.withText(text);
        if (b instanceof HeadingBlock h) return h.withText(text);
        if (b instanceof ImageBlock i) return i.withText(text, i.read());
        return b;
    }
}
