package org.nianbao.ingest.ocr.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Narrative paragraphs from the seed captures, with the full-width punctuation print uses. */
public final class Corpus {
    private Corpus() { }

    /** Narrative paragraphs in simplified script (traditional ones and pinyin-annotated ones left out). */
    public static List<String> paragraphs(Path seed) throws IOException {
        return paragraphs(seed, false);
    }

    /** Narrative paragraphs of one script. */
    public static List<String> paragraphs(Path seed, boolean traditional) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
            String s = line.strip();
            // narrative only: long lines with Chinese sentence ends, no table pipes or tabs
            if (s.length() < 30 || s.contains("|") || s.contains("\t") || !s.contains("。")) continue;
            if (s.matches(".*\\([a-zà-ǜ]+\\).*")) s = s.replaceAll("\\([a-zà-ǜāáǎēéěīíǐōóǒūúǔüǖǘǚ]+\\)", ""); // pinyin glosses of a capture
            if (isTraditional(s) != traditional) continue;
            out.add(fullWidth(s));
        }
        return out;
    }

    /** Written in traditional characters: several characters outside the simplified GB2312 set. */
    static boolean isTraditional(String s) {
        int trad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x4E00 && c <= 0x9FFF && !org.nianbao.ingest.util.CommonHanzi.isCommon(c)
                    && org.nianbao.ingest.util.CommonHanzi.isFrequentTraditional(c)) trad++;
        }
        return trad >= 3;
    }

    /** ASCII punctuation between Chinese characters as printed: full width. */
    public static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ',' -> sb.append('，');
                case '(' -> sb.append('（');
                case ')' -> sb.append('）');
                case ':' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '/' ? ':' : '：');
                case ';' -> sb.append('；');
                case '?' -> sb.append('？');
                case '!' -> sb.append('！');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
