package org.nianbao.ingest.eval.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/**
 * Turns clean grey page renderings into colour scans of the kind archives really hold, with what
 * {@link ScanMaker} never does: 24-bit colour on tinted (yellowish) paper, the issuing organisation's
 * red seal (公章) stamped over its name and the date on the last page, a dark binding shadow along one
 * edge and punch holes beside it, the next page showing through from the back, stronger uneven light,
 * skew up to 2° and a low JPEG quality. Everything is deterministic from the {@link Random} passed in.
 *
 * <p>The clean page must be black ink on white (what PDFBox renders from our PDFs): ink coverage is
 * read from its grey level and re-inked in colour.
 */
public final class RealScanMaker {
    /** Seal diameter: the 42 mm of an official seal (GB/T 9704's 公章), at 300 dpi. */
    static final double SEAL_MM = 42;

    /**
     * The habits of one scanning session (the same for every page of a report).
     *
     * @param paper       paper colour (RGB, yellowish or grey-white)
     * @param ink         ink colour (RGB, near black)
     * @param bindingLeft shadow and holes on the left edge (else the top edge)
     * @param shadowDepth how dark the binding shadow gets at the very edge (0..1)
     * @param shadowWidth its width in pixels (e-folding distance)
     * @param holes       two punch holes beside the binding
     * @param showThrough how strongly the back page shows through (0..1 of its ink)
     * @param maxSkew     largest skew in degrees
     * @param jpegQuality JPEG quality the scanner wrote
     */
    public record Session(int[] paper, int[] ink, boolean bindingLeft, double shadowDepth, double shadowWidth, boolean holes,
                          double showThrough, double maxSkew, float jpegQuality) {
        public static Session pick(Random rnd) {
            int[] paper = rnd.nextInt(3) == 0
                    ? new int[]{228 + rnd.nextInt(10), 226 + rnd.nextInt(10), 220 + rnd.nextInt(10)}   // grey-white recycled paper
                    : new int[]{240 + rnd.nextInt(12), 228 + rnd.nextInt(12), 190 + rnd.nextInt(25)};  // yellowed
            int k = 25 + rnd.nextInt(25);
            int[] ink = {k, k + rnd.nextInt(6), k + 4 + rnd.nextInt(10)};
            return new Session(paper, ink, rnd.nextInt(4) != 0, 0.35 + rnd.nextDouble() * 0.3, 35 + rnd.nextDouble() * 50,
                    rnd.nextBoolean(), 0.05 + rnd.nextDouble() * 0.06, 2.0, 0.35f + rnd.nextFloat() * 0.15f);
        }
    }

    /** A seal to stamp: centre in pixels, the organisation's name around its top arc. */
    public record Seal(double cx, double cy, String organisation) { }

    private RealScanMaker() { }

    /**
     * Scans one page.
     *
     * @param clean the page, grey, black ink on white, at {@code dpi}
     * @param back  the page behind it (shows through mirrored), or null
     * @param seal  the seal to stamp on this page, or null
     * @return the JPEG the scanner wrote (24-bit colour)
     */
    public static byte[] scan(BufferedImage clean, BufferedImage back, Seal seal, Session s, int dpi, Random rnd) throws IOException {
        BufferedImage grey = ScanMaker.toGray(clean);
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] behind = back == null ? null : blurredMirror(ScanMaker.toGray(back), w, h);
        // light: a tilt across the page and a soft hot spot; the binding shadow multiplies in
        double gx = (rnd.nextDouble() - 0.5) * 0.24;
        double gy = (rnd.nextDouble() - 0.5) * 0.18;
        double hx = rnd.nextDouble();
        double hy = rnd.nextDouble();
        float[] col = new float[w];
        float[] row = new float[h];
        for (int x = 0; x < w; x++) {
            double fx = (double) x / w;
            col[x] = (float) ((1 + gx * (fx - 0.5)) * (0.97 + 0.03 * Math.exp(-Math.pow((fx - hx) * 2.5, 2))));
            if (s.bindingLeft()) col[x] *= (float) (1 - s.shadowDepth() * Math.exp(-x / s.shadowWidth()));
        }
        for (int y = 0; y < h; y++) {
            double fy = (double) y / h;
            row[y] = (float) ((1 + gy * (fy - 0.5)) * (0.97 + 0.03 * Math.exp(-Math.pow((fy - hy) * 2.5, 2))));
            if (!s.bindingLeft()) row[y] *= (float) (1 - s.shadowDepth() * Math.exp(-y / s.shadowWidth()));
        }
        int[] paper = s.paper();
        int[] ink = s.ink();
        BufferedImage colour = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) colour.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            float ry = row[y];
            int base = y * w;
            for (int x = 0; x < w; x++) {
                float a = 1 - (px[base + x] & 0xFF) / 255f;                        // ink coverage on the front
                float b = behind == null ? 0 : (1 - (behind[base + x] & 0xFF) / 255f) * (float) s.showThrough();
                float light = col[x] * ry * (1 - b);
                int r = clamp((paper[0] + (ink[0] - paper[0]) * a) * light);
                int g = clamp((paper[1] + (ink[1] - paper[1]) * a) * light);
                int bl = clamp((paper[2] + (ink[2] - paper[2]) * a) * light);
                out[base + x] = (r << 16) | (g << 8) | bl;
            }
        }
        if (seal != null) stamp(colour, seal, dpi, rnd);
        if (s.holes()) punch(colour, s.bindingLeft(), dpi, rnd);
        // skew: the page lies askew on the glass; the glass around it shows the paper colour
        double angle = Math.toRadians((rnd.nextDouble() * 2 - 1) * s.maxSkew());
        BufferedImage rotated = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rotated.createGraphics();
        g.setColor(new Color(paper[0], paper[1], paper[2]));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(angle, w / 2.0, h / 2.0);
        g.drawImage(colour, 0, 0, null);
        g.dispose();
        int[] rgb = ((DataBufferInt) rotated.getRaster().getDataBuffer()).getData();
        blur3(rgb, w, h);
        // sensor noise: mostly luminance, a little per channel
        long state = rnd.nextLong() | 1;
        float[] gauss = new float[1 << 16];
        for (int i = 0; i < gauss.length; i++) gauss[i] = (float) rnd.nextGaussian();
        for (int i = 0; i < rgb.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            float lum = gauss[(int) (state >>> 48)] * 5f;
            float cr = gauss[(int) (state >>> 32) & 0xFFFF] * 2f;
            float cb = gauss[(int) (state >>> 16) & 0xFFFF] * 2f;
            int v = rgb[i];
            rgb[i] = (clamp(((v >> 16) & 0xFF) + lum + cr) << 16) | (clamp(((v >> 8) & 0xFF) + lum) << 8) | clamp((v & 0xFF) + lum + cb);
        }
        return ImageFiles.jpeg(rotated, s.jpegQuality(), dpi);
    }

    /** The back page as seen through the paper: mirrored left to right and blurred by the paper. */
    private static byte[] blurredMirror(BufferedImage back, int w, int h) {
        byte[] src = ((DataBufferByte) back.getRaster().getDataBuffer()).getData();
        int bw = back.getWidth();
        int bh = back.getHeight();
        int[] m = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = bw - 1 - x * bw / w;
                int sy = y * bh / h;
                m[y * w + x] = src[sy * bw + sx] & 0xFF;
            }
        }
        boxBlur(m, w, h, 3);
        boxBlur(m, w, h, 3);
        byte[] out = new byte[w * h];
        for (int i = 0; i < out.length; i++) out[i] = (byte) m[i];
        return out;
    }

    /** Box blur of radius r, rows then columns, with running sums. */
    private static void boxBlur(int[] v, int w, int h, int r) {
        int[] tmp = new int[Math.max(w, h)];
        int n = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            int sum = 0;
            for (int i = -r; i <= r; i++) sum += v[y * w + Math.min(w - 1, Math.max(0, i))];
            for (int x = 0; x < w; x++) {
                tmp[x] = sum / n;
                sum += v[y * w + Math.min(w - 1, x + r + 1)] - v[y * w + Math.max(0, x - r)];
            }
            System.arraycopy(tmp, 0, v, y * w, w);
        }
        for (int x = 0; x < w; x++) {
            int sum = 0;
            for (int i = -r; i <= r; i++) sum += v[Math.min(h - 1, Math.max(0, i)) * w + x];
            for (int y = 0; y < h; y++) {
                tmp[y] = sum / n;
                sum += v[Math.min(h - 1, y + r + 1) * w + x] - v[Math.max(0, y - r) * w + x];
            }
            for (int y = 0; y < h; y++) v[y * w + x] = tmp[y];
        }
    }

    /** A light optical blur: [1 2 1]/4 across and down, each channel. */
    private static void blur3(int[] rgb, int w, int h) {
        int[] tmp = new int[rgb.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = rgb[y * w + Math.max(0, x - 1)];
                int b = rgb[y * w + x];
                int c = rgb[y * w + Math.min(w - 1, x + 1)];
                tmp[y * w + x] = mix(a, b, c);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = tmp[Math.max(0, y - 1) * w + x];
                int b = tmp[y * w + x];
                int c = tmp[Math.min(h - 1, y + 1) * w + x];
                rgb[y * w + x] = mix(a, b, c);
            }
        }
    }

    private static int mix(int a, int b, int c) {
        int r = (((a >> 16) & 0xFF) + 2 * ((b >> 16) & 0xFF) + ((c >> 16) & 0xFF) + 2) >> 2;
        int g = (((a >> 8) & 0xFF) + 2 * ((b >> 8) & 0xFF) + ((c >> 8) & 0xFF) + 2) >> 2;
        int bl = ((a & 0xFF) + 2 * (b & 0xFF) + (c & 0xFF) + 2) >> 2;
        return (r << 16) | (g << 8) | bl;
    }

    /**
     * Stamps the seal: a red ring, a five-pointed star, the organisation's name round the top, in ink that
     * did not take evenly. Multiplied into the page like real ink, so print under it stays dark.
     */
    static void stamp(BufferedImage page, Seal seal, int dpi, Random rnd) throws IOException {
        int d = (int) Math.round(SEAL_MM / 25.4 * dpi);
        BufferedImage layer = sealImage(seal.organisation(), d, rnd);
        int x0 = (int) Math.round(seal.cx() - d / 2.0);
        int y0 = (int) Math.round(seal.cy() - d / 2.0);
        int[] red = {200 + rnd.nextInt(30), 20 + rnd.nextInt(30), 30 + rnd.nextInt(30)};
        // uneven pressure: one side of the stamp inks more than the other
        double px = rnd.nextDouble() - 0.5;
        double py = rnd.nextDouble() - 0.5;
        byte[] a = ((DataBufferByte) layer.getRaster().getDataBuffer()).getData();
        int[] rgb = ((DataBufferInt) page.getRaster().getDataBuffer()).getData();
        int w = page.getWidth();
        int h = page.getHeight();
        long state = rnd.nextLong() | 1;
        for (int y = 0; y < d; y++) {
            int py0 = y0 + y;
            if (py0 < 0 || py0 >= h) continue;
            for (int x = 0; x < d; x++) {
                int px0 = x0 + x;
                if (px0 < 0 || px0 >= w) continue;
                int cov = a[y * d + x] & 0xFF;
                if (cov == 0) continue;
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                double pressure = 0.8 + 0.35 * (px * (x / (double) d - 0.5) + py * (y / (double) d - 0.5)) * 2;
                double grain = ((state >>> 40) & 0xFF) < 20 ? 0.3 : 1.0;       // spots the ink missed
                double alpha = Math.min(1, cov / 255.0 * pressure * grain);
                int v = rgb[py0 * w + px0];
                int r = (int) (((v >> 16) & 0xFF) * (1 - alpha * (1 - red[0] / 255.0)));
                int g = (int) (((v >> 8) & 0xFF) * (1 - alpha * (1 - red[1] / 255.0)));
                int b = (int) ((v & 0xFF) * (1 - alpha * (1 - red[2] / 255.0)));
                rgb[py0 * w + px0] = (r << 16) | (g << 8) | b;
            }
        }
    }

    /** The seal's shape as coverage (0..255) on a d × d grey layer. */
    static BufferedImage sealImage(String organisation, int d, Random rnd) throws IOException {
        BufferedImage layer = new BufferedImage(d, d, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = layer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        double c = d / 2.0;
        float ring = (float) (d * 0.03);
        g.setStroke(new BasicStroke(ring));
        g.draw(new java.awt.geom.Ellipse2D.Double(ring / 2.0, ring / 2.0, d - ring, d - ring));
        g.fill(star(c, c, d * 0.16));
        // the name round the top arc, characters upright to the centre, from about 8 to 4 o'clock
        String name = organisation.length() > 20 ? organisation.substring(0, 20) : organisation;
        Font font = sealFont().deriveFont(Font.PLAIN, (float) (d * 0.13));
        g.setFont(font);
        double radius = d / 2.0 - ring - d * 0.13;
        double span = Math.toRadians(Math.min(250, 40 + 17 * name.length()));
        int n = name.length();
        for (int i = 0; i < n; i++) {
            double theta = -Math.PI / 2 - span / 2 + span * (i + 0.5) / n;   // angle from +x, clockwise in image space
            String ch = name.substring(i, i + 1);
            int cw = g.getFontMetrics().stringWidth(ch);
            AffineTransform saved = g.getTransform();
            g.translate(c + radius * Math.cos(theta), c + radius * Math.sin(theta));
            g.rotate(theta + Math.PI / 2);
            g.drawString(ch, -cw / 2f, (float) (d * 0.13 * 0.5));
            g.setTransform(saved);
        }
        g.dispose();
        return layer;
    }

    private static Font sealFontCache;

    /** Seals are cut in a Song face; AR PL SungtiL GB (a single TrueType file Java2D reads directly). */
    private static synchronized Font sealFont() throws IOException {
        if (sealFontCache == null) {
            File f = new File(Look.REAL_FONTS.get(FontRole.SONG).file());
            try {
                sealFontCache = Font.createFont(Font.TRUETYPE_FONT, f);
            } catch (FontFormatException e) {
                throw new IOException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return sealFontCache;
    }

    private static Path2D star(double cx, double cy, double r) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double rr = i % 2 == 0 ? r : r * 0.382;
            double t = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) p.moveTo(cx + rr * Math.cos(t), cy + rr * Math.sin(t));
            else p.lineTo(cx + rr * Math.cos(t), cy + rr * Math.sin(t));
        }
        p.closePath();
        return p;
    }

    /** Two 6 mm punch holes 80 mm apart, 12 mm in from the binding edge: the dark scanner lid shows through. */
    private static void punch(BufferedImage page, boolean left, int dpi, Random rnd) {
        double mm = dpi / 25.4;
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int k = 30 + rnd.nextInt(25);
        g.setColor(new Color(k, k, k + 3));
        double r = 3 * mm;
        double in = (11 + rnd.nextDouble() * 2) * mm;
        double mid = (left ? page.getHeight() : page.getWidth()) / 2.0 + (rnd.nextDouble() - 0.5) * 6 * mm;
        for (double off : new double[]{-40 * mm, 40 * mm}) {
            double cx = left ? in : mid + off;
            double cy = left ? mid + off : in;
            g.fill(new java.awt.geom.Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        }
        g.dispose();
    }

    /** The seal's centre for closing lines drawn at these boxes (PDF points) on a page {@code pageHeight} high. */
    public static double[] sealCentre(List<PdfReportWriter.Box> closing, float pageHeight, int dpi, Random rnd) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (PdfReportWriter.Box b : closing) {
            x0 = Math.min(x0, b.x());
            x1 = Math.max(x1, b.x() + b.width());
            y0 = Math.min(y0, b.y());
            y1 = Math.max(y1, b.y() + b.height());
        }
        double scale = dpi / 72.0;
        double cx = (x0 + x1) / 2 + (rnd.nextDouble() - 0.5) * 20;
        double cy = (y0 + y1) / 2 + (rnd.nextDouble() - 0.5) * 10;
        return new double[]{cx * scale, (pageHeight - cy) * scale};
    }

    private static int clamp(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) v;
    }
}
