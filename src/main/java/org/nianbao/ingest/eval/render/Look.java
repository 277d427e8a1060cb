package org.nianbao.ingest.eval.render;

import java.util.Map;
import java.util.Random;
import org.nianbao.ingest.eval.render.Faces.FontSource;

/**
 * The typographic habits a born-digital report is set with, beyond its page geometry ({@link PdfStyle}):
 * which fonts, how the tables look. {@link #STANDARD} is what every form but scan-real is drawn with and
 * must stay as it is (the committed fixtures are byte-identical to it). {@link #real(long)} varies what
 * real reports vary and our other forms never do: another Song/Kai/Hei family, tables in another face or
 * size, a heavy or double outer frame, bold header rows, figures set flush right.
 *
 * @param tableFace      face of the table cells (the standard look sets them in Song)
 * @param tableSizeDelta points added to {@link PdfStyle#tableSize()}
 * @param frame          the table's outer rule
 * @param boldHeaders    header and caption cells in a (stroked, faux) bold
 * @param figuresRight   numbers flush right in their cells instead of centred
 */
public record Look(String name, Map<FontRole, FontSource> fonts, FontRole tableFace, float tableSizeDelta, Frame frame,
                   boolean boldHeaders, boolean figuresRight) {

    /** How a table's outer edge is ruled. */
    public enum Frame {
        /** Like the inner rules (0.6 pt). */
        PLAIN,
        /** One heavy rule, 1.8 pt. */
        HEAVY,
        /** Two thin rules 1.8 pt apart, the second outside the first (Word's double border). */
        DOUBLE
    }

    public static final Look STANDARD = new Look("standard", Faces.STANDARD, FontRole.SONG, 0f, Frame.PLAIN, false, false);

    /**
     * The other free families Debian ships (all TrueType, so PDFBox can subset them): AR PL SungtiL GB
     * for Song, AR PL KaitiM GB for Kai, WenQuanYi Micro Hei for Hei.
     */
    public static final Map<FontRole, FontSource> REAL_FONTS = Map.of(
            FontRole.SONG, new FontSource("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", null, "fonts-arphic-gbsn00lp"),
            FontRole.KAI, new FontSource("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", null, "fonts-arphic-gkai00mp"),
            FontRole.HEI, new FontSource("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "WenQuanYiMicroHei", "fonts-wqy-microhei"));

    /** The look of a report's scan-real form, deterministic from its seed. */
    public static Look real(long seed) {
        Random rnd = new Random(seed ^ 0x5CA11EA1L);
        int f = rnd.nextInt(10);
        FontRole table = f < 5 ? FontRole.SONG : f < 8 ? FontRole.HEI : FontRole.KAI;
        float[] deltas = {-0.5f, 0f, 0.5f, 1f};
        float delta = deltas[rnd.nextInt(deltas.length)];
        Frame frame = rnd.nextBoolean() ? Frame.HEAVY : Frame.DOUBLE;
        boolean bold = rnd.nextInt(10) < 7;
        boolean right = rnd.nextInt(10) < 6;
        return new Look("real", REAL_FONTS, table, delta, frame, bold, right);
    }

    public String describe() {
        return "tables in " + tableFace.name().toLowerCase(java.util.Locale.ROOT) + (tableSizeDelta == 0 ? "" : String.format(java.util.Locale.ROOT, " %+.1f pt", tableSizeDelta))
                + ", " + frame.name().toLowerCase(java.util.Locale.ROOT) + " frame" + (boldHeaders ? ", bold headers" : "")
                + (figuresRight ? ", figures flush right" : ", figures centred");
    }
}
