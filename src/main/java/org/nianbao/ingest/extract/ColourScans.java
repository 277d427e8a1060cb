package org.nianbao.ingest.extract;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Turns a colour scan into the grey page OCR reads, the way a scanner's "document" mode would have:
 * <ul>
 *   <li><b>red seal ink dropped</b> (scanners' red drop-out): the organisation's seal (公章) stamped over
 *   its name and the date is strongly red; in plain luminance it is as dark as print (a red of
 *   (210, 40, 45) is grey 88) and was read as a tangle of characters. Where a
 *   pixel is red its red channel is taken, a little lifted (a scanner's red drop-out lamp sees red ink as
 *   paper), while black print under the seal, dark in every channel, stays dark;</li>
 *   <li><b>paper levelled to white</b>: tinted or yellowed paper, uneven light, a dark binding shadow
 *   along one edge and the back page showing through. Each pixel is divided by the paper's local
 *   brightness (the brightest smoothed cells around it) and everything lighter than
 *   {@link #WHITE_POINT} of the paper becomes white; print keeps its tones. Show-through is a few percent darker than the
 *   paper, print many times darker: the first goes, the second stays.</li>
 * </ul>
 * Measured on the scan-real form (docs/evaluation.md): a last page holding little print and much
 * show-through came out as noise read upside down, and the seal over the closing as junk characters.
 * Only colour pages take this path: grey and bilevel scans are read as they were scanned.
 */
public final class ColourScans {
    /**
     * Relative to the local paper, lighter than this is paper (show-through, tint, shading) and becomes
     * white; between {@link #KNEE} and here tones ramp up to white; darker than {@link #KNEE} they keep
     * their share of the paper's brightness. Print and its anti-aliased edges are below the knee, so they
     * stay as thick as scanned: a first version that stretched every tone (white at 0.80) thinned strokes,
     * and table cells read from it lost 9 points (scan-real cells 98.8% → 90.0%).
     */
    static final double WHITE_POINT = 0.88;
    static final double KNEE = 0.72;
    /** A cell whose brightest patch is under this share of its brightest neighbour's holds only ink. */
    static final double INKED = 0.45;
    /** Side of the cells the paper's brightness is estimated in, as a share of the resolution (dpi / 6: 50 px at 300 dpi). */
    static final int CELLS_PER_INCH = 6;

    private ColourScans() { }

    /** Whether the image holds colour: RGB channels, or a palette with a colour that is not a grey. */
    public static boolean isColour(BufferedImage img) {
        if (img.getColorModel() instanceof java.awt.image.IndexColorModel icm) {
            for (int i = 0; i < icm.getMapSize(); i++) {
                if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) return true;
            }
            return false;
        }
        return img.getColorModel().getNumColorComponents() >= 3;
    }

    /** The grey page of a colour scan at {@code dpi} (0: taken as 300): red drop-out, paper levelled. */
    public static GrayImage toGray(BufferedImage img, int dpi) {
        return level(dropRed(img), dpi > 0 ? dpi : 300);
    }

    /** Luminance, except that where a pixel is clearly red its red channel is taken. */
    static GrayImage dropRed(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h];
        int[] row = img.getType() == BufferedImage.TYPE_INT_RGB ? ((DataBufferInt) img.getRaster().getDataBuffer()).getData() : null;
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            int[] src;
            int off;
            if (row != null) {
                src = row;
                off = y * w;
            } else {
                img.getRGB(0, y, w, 1, line, 0, w);
                src = line;
                off = 0;
            }
            for (int x = 0; x < w; x++) out[y * w + x] = (byte) grey(src[off + x]);
        }
        return new GrayImage(w, h, out);
    }

    /** One pixel's grey: luminance blended towards the red channel as the pixel gets redder. */
    static int grey(int argb) {
        int a = argb >>> 24;
        int r = argb >> 16 & 0xFF;
        int g = argb >> 8 & 0xFF;
        int b = argb & 0xFF;
        int lum = (r * 299 + g * 587 + b * 114 + 500) / 1000;
        // redness: how far red stands above the other two: yellowed paper (250, 230, 200) has up to ~20, seal ink
        // 100 and more; the ramp is steep because the JPEG blurs colour at the seal's edges (chroma subsampling)
        int redness = r - Math.max(g, b);
        double k = Math.max(0, Math.min(1, (redness - 20) / 30.0));
        // the red channel, lifted by 15%: red ink is nearly as bright as the paper in it (the lift takes it the
        // rest of the way: unlifted, the ring and name stayed as light marks the engine read as junk), while
        // print under the seal keeps its strokes. Taking red pixels as white instead ate the print's edges.
        int v = (int) Math.round(lum + k * (Math.min(255, r * 1.15) - lum));
        if (a != 0 && a < 255) v = (v * a + 255 * (255 - a) + 127) / 255;
        return v;
    }

    /**
     * Divides the page by its local paper brightness and lifts what is nearly paper to white. The paper is
     * estimated on a coarse grid: each cell's brightest 4 × 4 mean (noise averaged out), then the
     * brightest of each cell's neighbours (a cell full of print still sees paper beside it), smoothed,
     * and interpolated bilinearly between cell centres.
     */
    static GrayImage level(GrayImage page, int dpi) {
        int w = page.width();
        int h = page.height();
        byte[] px = page.pixels();
        int cell = Math.max(8, dpi / CELLS_PER_INCH) & ~3;
        int gw = (w + cell - 1) / cell;
        int gh = (h + cell - 1) / cell;
        float[] grid = new float[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                int best = 0;
                for (int y = gy * cell; y + 4 <= Math.min(h, (gy + 1) * cell); y += 4) {
                    for (int x = gx * cell; x + 4 <= Math.min(w, (gx + 1) * cell); x += 4) {
                        int s = 0;
                        for (int dy = 0; dy < 4; dy++) {
                            int base = (y + dy) * w + x;
                            s += (px[base] & 0xFF) + (px[base + 1] & 0xFF) + (px[base + 2] & 0xFF) + (px[base + 3] & 0xFF);
                        }
                        best = Math.max(best, s);
                    }
                }
                grid[gy * gw + gx] = best / 16f;
            }
        }
        float[] paper = fillInked(grid, gw, gh);
        byte[] out = new byte[w * h];
        byte[] curve = new byte[1025];
        for (int i = 0; i <= 1024; i++) curve[i] = (byte) tone(i / 1024.0);
        float[] rowPaper = new float[w];
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(gh - 1, (y + 0.5) / cell - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(gh - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, Math.min(gw - 1, (x + 0.5) / cell - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(gw - 1, x0 + 1);
                double tx = fx - x0;
                double top = paper[y0 * gw + x0] * (1 - tx) + paper[y0 * gw + x1] * tx;
                double bottom = paper[y1 * gw + x0] * (1 - tx) + paper[y1 * gw + x1] * tx;
                rowPaper[x] = (float) Math.max(16, top * (1 - ty) + bottom * ty);
            }
            int base = y * w;
            for (int x = 0; x < w; x++) {
                double rel = (px[base + x] & 0xFF) / rowPaper[x];
                out[base + x] = curve[rel >= 1 ? 1024 : (int) (rel * 1024)];
            }
        }
        return new GrayImage(w, h, out);
    }

    /** The grey for a tone {@code rel} of the local paper's brightness (0 black, 1 paper). */
    static int tone(double rel) {
        if (rel >= WHITE_POINT) return 255;
        if (rel <= KNEE) return (int) Math.round(rel * 255);
        double t = (rel - KNEE) / (WHITE_POINT - KNEE);
        return (int) Math.round(KNEE * 255 + t * (255 - KNEE * 255));
    }

    /**
     * A cell far darker than the brightest of its 8 neighbours holds no paper at all (inside a bold
     * glyph or a thick bar): it takes that neighbour's brightness. Every other cell keeps its own, so a
     * binding shadow or a punch hole, darker than the paper beside it, is levelled away. (A first version
     * took every cell's brightest neighbour and smoothed: the steep edge of the shadow stayed grey.)
     */
    static float[] fillInked(float[] g, int gw, int gh) {
        float[] out = g.clone();
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                float m = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if ((dx != 0 || dy != 0) && yy >= 0 && yy < gh && xx >= 0 && xx < gw) m = Math.max(m, g[yy * gw + xx]);
                    }
                }
                if (g[y * gw + x] < INKED * m) out[y * gw + x] = m;
            }
        }
        return out;
    }

}
