package org.nianbao.ingest.eval.render;

import java.io.File;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK fonts embedded in generated PDFs. They come from TrueType collections (Debian's
 * fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei). Noto CJK is not used: it is CFF-based,
 * and PDFBox 3 cannot embed CFF outlines as a Type 0 font ("OTF fonts do not have a glyf table").
 *
 * <p>The collections are parsed once per process and shared; each PDF gets its own subset fonts.
 * Not thread-safe (FontBox parses glyphs lazily): generate reports on one thread.
 */
public final class Faces {
    private static final Map<FontRole, String[]> SOURCES = Map.of(
            FontRole.SONG, new String[]{"/usr/share/fonts/truetype/arphic/uming.ttc", "UMingCN"},
            FontRole.KAI, new String[]{"/usr/share/fonts/truetype/arphic/ukai.ttc", "UKaiCN"},
            FontRole.HEI, new String[]{"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYiZenHei"});
    private static final Map<FontRole, TrueTypeFont> LOADED = new EnumMap<>(FontRole.class);

    static synchronized TrueTypeFont ttf(FontRole role) throws IOException {
        TrueTypeFont t = LOADED.get(role);
        if (t == null) {
            String[] src = SOURCES.get(role);
            File file = new File(src[0]);
            if (!file.isFile()) {
                throw new IOException("font " + src[0] + " is missing: install fonts-arphic-uming, fonts-arphic-ukai and fonts-wqy-zenhei");
            }
            // the collection stays open for the life of the process: its fonts read glyphs lazily
            TrueTypeCollection ttc = new TrueTypeCollection(file);
            t = ttc.getFontByName(src[1]);
            if (t == null) throw new IOException("font " + src[1] + " not found in " + src[0]);
            LOADED.put(role, t);
        }
        return t;
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
            for (FontRole role : FontRole.values()) {
                TrueTypeFont t = ttf(role);
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
