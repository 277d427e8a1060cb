package org.nianbao.ingest.eval.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Turns clean page renderings into what a document scanner produces: paper tone and uneven light,
 * a small skew, optical blur, sensor noise and dust, JPEG artefacts. The 200 dpi profile is noisier
 * and more compressed than the 300 dpi one, like the cheap settings archives often used.
 */
public final class ScanMaker {
    /** How hard to degrade a page. */
    public record Profile(int dpi, double maxSkewDegrees, double blurSigma, double noiseSigma, int specksPerMegapixel,
                          float jpegQuality) {
        public static final Profile DPI300 = new Profile(300, 1.5, 0.7, 4.0, 12, 0.65f);
        public static final Profile DPI200 = new Profile(200, 1.5, 0.8, 8.0, 40, 0.5f);
    }

    private ScanMaker() { }

    /** The result of scanning a page: the decoded image and the JPEG bytes the scanner wrote. */
    public record Scan(BufferedImage image, byte[] jpeg) { }

    /** Degrades a grey page image; returns a new TYPE_BYTE_GRAY image. Deterministic from rnd. */
    public static Scan degrade(BufferedImage clean, Profile p, Random rnd) throws IOException {
        BufferedImage img = copyGray(clean);
        int w = img.getWidth();
        int h = img.getHeight();
        // paper tone, ink that is not quite black, light falling off towards one side and one corner;
        // the light is separable (a column factor times a row factor) so the page costs one multiply a pixel
        int paper = 232 + rnd.nextInt(18);
        int ink = 20 + rnd.nextInt(30);
        double gx = (rnd.nextDouble() - 0.5) * 0.16;
        double gy = (rnd.nextDouble() - 0.5) * 0.12;
        double cx = rnd.nextBoolean() ? 0 : 1;
        double cy = rnd.nextBoolean() ? 0 : 1;
        double vignette = 0.04 + rnd.nextDouble() * 0.08;
        float[] col = new float[w];
        float[] row = new float[h];
        for (int x = 0; x < w; x++) {
            double fx = (double) x / w;
            col[x] = (float) ((1 + gx * (fx - 0.5)) * (1 - vignette * Math.max(0, 1 - Math.abs(fx - cx) * 1.6)));
        }
        for (int y = 0; y < h; y++) {
            double fy = (double) y / h;
            row[y] = (float) ((1 + gy * (fy - 0.5)) * (1 - vignette * Math.max(0, 1 - Math.abs(fy - cy) * 1.6) * 0.5));
        }
        float[] tone = new float[256];
        for (int v = 0; v < 256; v++) tone[v] = (float) (ink + (paper - ink) * (v / 255.0));
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            float ry = row[y];
            int base = y * w;
            for (int x = 0; x < w; x++) px[base + x] = (byte) clamp(tone[px[base + x] & 0xFF] * col[x] * ry);
        }
        // skew: scanned pages are never quite straight
        double angle = Math.toRadians((rnd.nextDouble() * 2 - 1) * p.maxSkewDegrees());
        BufferedImage rotated = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = rotated.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(angle, w / 2.0, h / 2.0);
        g.drawImage(img, 0, 0, null);
        g.dispose();
        img = blur(rotated, p.blurSigma());
        // sensor noise (from a table of Gaussian samples: nextGaussian per pixel is the slow part) and dust
        px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        float[] gauss = new float[1 << 16];
        for (int i = 0; i < gauss.length; i++) gauss[i] = (float) (rnd.nextGaussian() * p.noiseSigma());
        long state = rnd.nextLong() | 1;
        for (int i = 0; i < px.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            px[i] = (byte) clamp((px[i] & 0xFF) + gauss[(int) (state >>> 48)]);
        }
        int specks = (int) (p.specksPerMegapixel() * (w * (double) h) / 1e6);
        for (int s = 0; s < specks; s++) {
            int x0 = rnd.nextInt(w);
            int y0 = rnd.nextInt(h);
            int r = rnd.nextInt(3);
            int dark = ink + rnd.nextInt(80);
            for (int y = Math.max(0, y0 - r); y <= Math.min(h - 1, y0 + r); y++) {
                for (int x = Math.max(0, x0 - r); x <= Math.min(w - 1, x0 + r); x++) {
                    if ((x - x0) * (x - x0) + (y - y0) * (y - y0) <= r * r) px[y * w + x] = (byte) dark;
                }
            }
        }
        // JPEG artefacts: the scanner compressed the page
        byte[] jpg = ImageFiles.jpeg(img, p.jpegQuality(), p.dpi());
        return new Scan(toGray(ImageIO.read(new ByteArrayInputStream(jpg))), jpg);
    }

    /**
     * What scanning apps call "document" mode: the paper is lifted to white and the ink darkened
     * (levels), so the background noise and uneven light mostly vanish while the text keeps its blur
     * and compression artefacts. PNG pages are written like this; they also compress well then.
     */
    public static BufferedImage cleaned(BufferedImage gray) {
        BufferedImage g = copyGray(gray);
        byte[] px = ((DataBufferByte) g.getRaster().getDataBuffer()).getData();
        int[] hist = new int[256];
        for (byte b : px) hist[b & 0xFF]++;
        int mode = 0;
        for (int v = 1; v < 256; v++) if (hist[v] > hist[mode]) mode = v;
        int white = Math.max(64, mode - 28);
        int black = Math.min(white - 32, 40);
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) lut[v] = (byte) clamp((v - black) * 255.0 / (white - black));
        for (int i = 0; i < px.length; i++) px[i] = lut[px[i] & 0xFF];
        return g;
    }

    /** A bilevel version of a degraded page, as a fax-mode scanner would have thresholded it. */
    public static BufferedImage bilevel(BufferedImage gray) {
        BufferedImage g = toGray(gray);
        int w = g.getWidth();
        int h = g.getHeight();
        byte[] px = ((DataBufferByte) g.getRaster().getDataBuffer()).getData();
        long sum = 0;
        for (byte b : px) sum += b & 0xFF;
        double mean = (double) sum / px.length; // mostly paper
        int threshold = (int) (mean * 0.78);
        BufferedImage bw = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        java.awt.image.WritableRaster out = bw.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setSample(x, y, 0, (px[y * w + x] & 0xFF) < threshold ? 0 : 1);
        }
        return bw;
    }

    /** The page turned upside down (fed into the scanner the wrong way round). */
    public static BufferedImage upsideDown(BufferedImage img) {
        BufferedImage g = toGray(img);
        int w = g.getWidth();
        int h = g.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] src = ((DataBufferByte) g.getRaster().getDataBuffer()).getData();
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < src.length; i++) dst[src.length - 1 - i] = src[i];
        return out;
    }

    /** Separable Gaussian blur on the grey bytes (two 1-D passes). */
    private static BufferedImage blur(BufferedImage img, double sigma) {
        int radius = (int) Math.ceil(sigma * 2);
        float[] k = new float[2 * radius + 1];
        float total = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            total += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) k[i] /= total;
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] src = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        float[] tmp = new float[src.length];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -radius; i <= radius; i++) {
                    int xx = Math.min(w - 1, Math.max(0, x + i));
                    acc += k[i + radius] * (src[base + xx] & 0xFF);
                }
                tmp[base + x] = acc;
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -radius; i <= radius; i++) {
                    int yy = Math.min(h - 1, Math.max(0, y + i));
                    acc += k[i + radius] * tmp[yy * w + x];
                }
                dst[y * w + x] = (byte) clamp(acc);
            }
        }
        return out;
    }

    /** A grey copy of a page (the clean page, nothing degraded). */
    public static BufferedImage toGrayCopy(BufferedImage img) {
        return copyGray(img);
    }

    private static BufferedImage copyGray(BufferedImage img) {
        BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(img, 0, 0, null);
        gr.dispose();
        return g;
    }

    static BufferedImage toGray(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) return img;
        BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(img, 0, 0, null);
        gr.dispose();
        return g;
    }

    private static int clamp(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) Math.round(v);
    }
}
