package org.nianbao.ingest.extract;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Turns a colour scan into the grey page OCR reads, the way a scanner's "document" mode would have:
 * <ul>
 *   <li><b>red seal ink dropped</b> (scanners' red drop-out, but for seals only): the organisation's seal
 *   (公章) stamped over its name and the date is strongly red; in plain luminance it is as dark as print (a
 *   red of (210, 40, 45) is grey 88) and was read as a tangle of characters. Inside a seal a red pixel
 *   takes its red channel, a little lifted (a scanner's red drop-out lamp sees red ink as paper), while
 *   black print under the seal, dark in every channel, stays dark. Red ink is not always a seal: the
 *   红头 header (the issuing organ's name in large red characters, a red rule under it) and red titles are
 *   content. So red ink is found on a 1 mm grid, ink closer than {@link #JOIN_MM} joined into blobs, and
 *   only a blob whose box is roughly square and 25–60 mm a side (official seals are 38–45 mm, oval ones
 *   about 40 × 30) is dropped; all other red keeps its luminance and is read as print;</li>
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

    /** The grey page of a colour scan at {@code dpi} (0: taken as 300): red seals dropped, paper levelled. */
    public static GrayImage toGray(BufferedImage img, int dpi) {
        int d = dpi > 0 ? dpi : 300;
        return level(dropRed(img, d), d);
    }

    /** A pixel whose red stands this far above green and blue is red ink (JPEG-blurred seal edges included). */
    static final int RED_INK = 40;
    /** Red ink closer than this joins one blob: a seal's ring, star and ring text, a heading's characters. */
    static final double JOIN_MM = 4;
    /** A seal's box: official seals are 38–45 mm, oval ones about 40 × 30 mm; allowed with room for both. */
    static final double SEAL_MIN_MM = 25;
    static final double SEAL_MAX_MM = 60;
    static final double SEAL_ASPECT = 1.4;
    /** Red ink found on a grid of cells this size (1 mm): cheap, and a seal is tens of cells across. */
    static final double CELL_MM = 1;

    /**
     * Luminance, except inside a seal, where a clearly red pixel takes its red channel. Red ink elsewhere
     * is print (a 红头 header, a red title or rule) and keeps its luminance, dark enough to be read.
     */
    static GrayImage dropRed(BufferedImage img, int dpi) {
        int w = img.getWidth();
        int h = img.getHeight();
        int cell = Math.max(2, (int) Math.round(CELL_MM * dpi / 25.4));
        int gw = (w + cell - 1) / cell;
        int gh = (h + cell - 1) / cell;
        int[] redCount = new int[gw * gh];
        byte[] out = new byte[w * h];
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            int[] src = row(img, y, line);
            int off = src == line ? 0 : y * w;
            int gRow = (y / cell) * gw;
            for (int x = 0; x < w; x++) {
                int argb = src[off + x];
                out[y * w + x] = (byte) luminance(argb);
                if (redness(argb) >= RED_INK) redCount[gRow + x / cell]++;
            }
        }
        // a cell holds red ink when a few of its pixels are red: a stroke of ring text crossing it is enough
        int enough = Math.max(2, cell * cell / 36);
        boolean[] red = new boolean[gw * gh];
        for (int i = 0; i < red.length; i++) red[i] = redCount[i] >= enough;
        double mmPerCell = cell * 25.4 / dpi;
        int margin = Math.max(1, (int) Math.round(dpi / 25.4));    // 1 mm round the ink: its blurred edge
        for (int[] box : seals(red, gw, gh, mmPerCell)) {
            int x0 = Math.max(0, box[0] * cell - margin);
            int y0 = Math.max(0, box[1] * cell - margin);
            int x1 = Math.min(w, (box[2] + 1) * cell + margin);
            int y1 = Math.min(h, (box[3] + 1) * cell + margin);
            for (int y = y0; y < y1; y++) {
                int[] src = row(img, y, line);
                int off = src == line ? 0 : y * w;
                for (int x = x0; x < x1; x++) out[y * w + x] = (byte) grey(src[off + x]);
            }
        }
        return new GrayImage(w, h, out);
    }

    /** Row {@code y} of the image: the raster itself (read at {@code y * width}) or copied into {@code line}. */
    private static int[] row(BufferedImage img, int y, int[] line) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        img.getRGB(0, y, img.getWidth(), 1, line, 0, img.getWidth());
        return line;
    }

    /**
     * The boxes, in cells {x0, y0, x1, y1}, of the blobs of red cells that look like a seal: cells closer
     * than {@link #JOIN_MM} are one blob (the mask dilated), and a blob is a seal when its box is roughly
     * square and of a seal's size. A red heading is far wider than high, a rule thin, a red title line
     * wide: they are not seals. Labelled with an explicit stack (no recursion); each cell is pushed once.
     */
    static java.util.List<int[]> seals(boolean[] red, int gw, int gh, double mmPerCell) {
        int reach = Math.max(1, (int) Math.round(JOIN_MM / mmPerCell));
        boolean[] seen = new boolean[red.length];
        int[] stack = new int[64];
        java.util.List<int[]> seals = new java.util.ArrayList<>();
        for (int start = 0; start < red.length; start++) {
            if (!red[start] || seen[start]) continue;
            int sp = 0;
            stack[sp++] = start;
            seen[start] = true;
            int x0 = gw, y0 = gh, x1 = -1, y1 = -1;
            while (sp > 0) {
                int p = stack[--sp];
                int px = p % gw;
                int py = p / gw;
                x0 = Math.min(x0, px);
                x1 = Math.max(x1, px);
                y0 = Math.min(y0, py);
                y1 = Math.max(y1, py);
                for (int ny = Math.max(0, py - reach); ny <= Math.min(gh - 1, py + reach); ny++) {
                    for (int nx = Math.max(0, px - reach); nx <= Math.min(gw - 1, px + reach); nx++) {
                        int q = ny * gw + nx;
                        if (red[q] && !seen[q]) {
                            seen[q] = true;
                            if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                            stack[sp++] = q;
                        }
                    }
                }
            }
            double wMm = (x1 - x0 + 1) * mmPerCell;
            double hMm = (y1 - y0 + 1) * mmPerCell;
            boolean sized = wMm >= SEAL_MIN_MM && wMm <= SEAL_MAX_MM && hMm >= SEAL_MIN_MM && hMm <= SEAL_MAX_MM;
            boolean square = wMm <= SEAL_ASPECT * hMm && hMm <= SEAL_ASPECT * wMm;
            if (sized && square) seals.add(new int[]{x0, y0, x1, y1});
        }
        return seals;
    }

    /** How far red stands above the other two: yellowed paper (250, 230, 200) has up to ~20, seal ink 100 and more. */
    static int redness(int argb) {
        return (argb >> 16 & 0xFF) - Math.max(argb >> 8 & 0xFF, argb & 0xFF);
    }

    /** Luminance, a translucent pixel taken over white paper. */
    static int luminance(int argb) {
        int r = argb >> 16 & 0xFF;
        int g = argb >> 8 & 0xFF;
        int b = argb & 0xFF;
        return overPaper((r * 299 + g * 587 + b * 114 + 500) / 1000, argb >>> 24);
    }

    private static int overPaper(int v, int a) {
        return a != 0 && a < 255 ? (v * a + 255 * (255 - a) + 127) / 255 : v;
    }

    /** One pixel's grey inside a seal: luminance blended towards the red channel as the pixel gets redder. */
    static int grey(int argb) {
        int r = argb >> 16 & 0xFF;
        int g = argb >> 8 & 0xFF;
        int b = argb & 0xFF;
        int lum = (r * 299 + g * 587 + b * 114 + 500) / 1000;
        // the ramp is steep because the JPEG blurs colour at the seal's edges (chroma subsampling)
        double k = Math.max(0, Math.min(1, (redness(argb) - 20) / 30.0));
        // the red channel, lifted by 15%: red ink is nearly as bright as the paper in it (the lift takes it the
        // rest of the way: unlifted, the ring and name stayed as light marks the engine read as junk), while
        // print under the seal keeps its strokes. Taking red pixels as white instead ate the print's edges.
        int v = (int) Math.round(lum + k * (Math.min(255, r * 1.15) - lum));
        return overPaper(v, argb >>> 24);
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
