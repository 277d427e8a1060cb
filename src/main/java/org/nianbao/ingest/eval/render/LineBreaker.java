package org.nianbao.ingest.eval.render;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.eval.render.Faces.DocFaces;
import org.nianbao.ingest.eval.render.Faces.Face;

/**
 * Breaks runs of text into lines the way Chinese typesetting does: any two CJK characters may be
 * split, a run of Latin letters and digits is kept whole, closing punctuation never starts a line
 * (it hangs into the margin instead) and opening punctuation never ends one.
 */
public final class LineBreaker {
    private static final String NO_START = "，。、；：？！）》”’」』〕】…·%,.;:?!)";
    private static final String NO_END = "（《“‘「『〔【(";

    /** A stretch of text in one wanted face. */
    public record Run(String text, FontRole role) { }

    /** Text set in one actual face. */
    public record Piece(String text, Face face, float width) { }

    /** One set line: its pieces and total width (in points at the given size). */
    public record SetLine(List<Piece> pieces, float width) {
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Piece p : pieces) sb.append(p.text());
            return sb.toString();
        }
    }

    private record Token(String text, FontRole role) { }

    private LineBreaker() { }

    public static List<SetLine> breakLines(List<Run> runs, DocFaces faces, float size, float firstWidth, float width) {
        List<Token> tokens = tokenize(runs);
        List<List<Token>> lines = new ArrayList<>();
        List<Token> line = new ArrayList<>();
        float w = 0;
        float max = firstWidth;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            float tw = width(t, faces, size);
            if (!line.isEmpty() && w + tw > max + 0.01f) {
                boolean hang = NO_START.indexOf(t.text().charAt(0)) >= 0 && t.text().length() == 1;
                if (!hang) {
                    List<Token> carry = new ArrayList<>();
                    // opening punctuation never ends a line: move it down with the next token
                    while (line.size() > 1 && NO_END.indexOf(line.get(line.size() - 1).text().charAt(0)) >= 0) {
                        carry.add(0, line.remove(line.size() - 1));
                    }
                    lines.add(line);
                    line = new ArrayList<>(carry);
                    w = 0;
                    for (Token c : carry) w += width(c, faces, size);
                    max = width;
                }
            }
            if (line.isEmpty() && tw > max && t.text().length() > 1) {
                // a Latin/digit run longer than the line: split it by characters
                for (int k = 0; k < t.text().length(); k++) {
                    Token ch = new Token(t.text().substring(k, k + 1), t.role());
                    float cw = width(ch, faces, size);
                    if (!line.isEmpty() && w + cw > max) {
                        lines.add(line);
                        line = new ArrayList<>();
                        w = 0;
                        max = width;
                    }
                    line.add(ch);
                    w += cw;
                }
                continue;
            }
            line.add(t);
            w += tw;
        }
        if (!line.isEmpty()) lines.add(line);
        List<SetLine> out = new ArrayList<>();
        for (List<Token> l : lines) out.add(set(l, faces, size));
        return out;
    }

    private static List<Token> tokenize(List<Run> runs) {
        List<Token> tokens = new ArrayList<>();
        for (Run run : runs) {
            String s = run.text();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (isWordChar(c)) {
                    int j = i + 1;
                    while (j < s.length() && isWordChar(s.charAt(j))) j++;
                    tokens.add(new Token(s.substring(i, j), run.role()));
                    i = j;
                } else {
                    int cp = s.codePointAt(i);
                    int len = Character.charCount(cp);
                    tokens.add(new Token(s.substring(i, i + len), run.role()));
                    i += len;
                }
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '%' || c == '+' || c == '-';
    }

    private static float width(Token t, DocFaces faces, float size) {
        float w = 0;
        for (int i = 0; i < t.text().length(); ) {
            int cp = t.text().codePointAt(i);
            w += faces.faceFor(t.role(), cp).width(cp) * size;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Measures a single-face string (used for centring short texts). */
    public static float measure(String text, FontRole role, DocFaces faces, float size) {
        return width(new Token(text, role), faces, size);
    }

    private static SetLine set(List<Token> tokens, DocFaces faces, float size) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        Face curFace = null;
        float curW = 0;
        float total = 0;
        for (Token t : tokens) {
            for (int i = 0; i < t.text().length(); ) {
                int cp = t.text().codePointAt(i);
                Face f = faces.faceFor(t.role(), cp);
                float cw = f.width(cp) * size;
                if (curFace != null && f != curFace) {
                    pieces.add(new Piece(cur.toString(), curFace, curW));
                    cur.setLength(0);
                    curW = 0;
                }
                curFace = f;
                cur.appendCodePoint(cp);
                curW += cw;
                total += cw;
                i += Character.charCount(cp);
            }
        }
        if (curFace != null && cur.length() > 0) pieces.add(new Piece(cur.toString(), curFace, curW));
        return new SetLine(pieces, total);
    }
}
