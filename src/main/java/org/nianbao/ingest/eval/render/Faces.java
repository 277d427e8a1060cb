package org.nianbao.ingest.eval.render;

import java.io.File;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK fonts embedded in generated PDFs. They come from TrueType collections (Debian's
 * fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei; the scan-real form uses another set, see
 * {@link Look}). Noto CJK is not used: it is CFF-based,
 * and PDFBox 3 cannot embed CFF outlines as a Type 0 font ("OTF fonts do not have a glyf table").
 *
 * <p>The collections are parsed once per process and shared; each PDF gets its own subset fonts.
 * Not thread-safe (FontBox parses glyphs lazily): generate reports on one thread.
 */
public final class Faces {
    /**
     * Where one face comes from: a TrueType file or collection and, for a collection, the font's
     * PostScript name in it ({@code null} for a single-font file).
     */
    public record FontSource(String file, String name, String debianPackage) { }

    /** The faces of every generated form except scan-real: AR PL UMing / UKai and WenQuanYi Zen Hei. */
    public static final Map<FontRole, FontSource> STANDARD = Map.of(
            FontRole.SONG, new FontSource("/usr/share/fonts/truetype/arphic/uming.ttc", "UMingCN", "fonts-arphic-uming"),
            FontRole.KAI, new FontSource("/usr/share/fonts/truetype/arphic/ukai.ttc", "UKaiCN", "fonts-arphic-ukai"),
            FontRole.HEI, new FontSource("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYiZenHei", "fonts-wqy-zenhei"));
    private static final Map<FontSource, TrueTypeFont> LOADED = new HashMap<>();

    static synchronized TrueTypeFont ttf(FontSource src) throws IOException {
        TrueTypeFont t = LOADED.get(src);
        if (t == null) {
            File file = new File(src.file());
            if (!file.isFile()) throw new IOException("font " + src.file() + " is missing: install " + src.debianPackage());
            // the file stays open for the life of the process: its fonts read glyphs lazily
            if (src.name() == null) {
                t = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            } else {
                TrueTypeCollection ttc = new TrueTypeCollection(file);
                t = ttc.getFontByName(src.name());
            }
            if (t == null) throw new IOException("font " + src.name() + " not found in " + src.file());
            LOADED.put(src, t);
        }
        return t;
    }

    /** The fonts of a set that are not installed, as Debian package names (empty: all there). */
    public static java.util.List<String> missing(Map<FontRole, FontSource> set) {
        return set.values().stream().filter(f -> !new File(f.file()).isFile()).map(FontSource::debianPackage).distinct().sorted().toList();
    }

    /** One face loaded into one PDF document. */
    public static final class Face {
        final FontRole role;
        final PDType0Font font;
        private final CmapLookup cmap;
        private final Map<Integer, Float> widths = new HashMap<>();

        Face(FontRole role, PDType0Font font, CmapLookup cmap) {
            this.role = role;
            this.font = font;
            this.cmap = cmap;
        }

        public boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        /** Advance width of one code point in text space units of 1 pt font size. */
        public float width(int codePoint) {
            return widths.computeIfAbsent(codePoint, cp -> {
                try {
                    return font.getStringWidth(new String(Character.toChars(cp))) / 1000f;
                } catch (IOException | IllegalArgumentException e) {
                    return 1f;
                }
            });
        }

        public PDType0Font font() {
            return font;
        }
    }

    /** The faces of one document. Characters a face lacks are set in Hei, which covers the most. */
    public static final class DocFaces {
        private final Map<FontRole, Face> faces = new EnumMap<>(FontRole.class);

        public DocFaces(PDDocument doc) throws IOException {
            this(doc, STANDARD);
        }

        public DocFaces(PDDocument doc, Map<FontRole, FontSource> set) throws IOException {
            for (FontRole role : FontRole.values()) {
                TrueTypeFont t = ttf(set.get(role));
                faces.put(role, new Face(role, PDType0Font.load(doc, t, true), t.getUnicodeCmapLookup()));
            }
        }

        /** The face to set a code point in when the wanted role is {@code role}. */
        public Face faceFor(FontRole role, int codePoint) {
            Face f = faces.get(role);
            if (f.has(codePoint)) return f;
            for (FontRole r : new FontRole[]{FontRole.HEI, FontRole.SONG, FontRole.KAI}) {
                if (faces.get(r).has(codePoint)) return faces.get(r);
            }
            return f;
        }

        public Face face(FontRole role) {
            return faces.get(role);
        }
    }
}
