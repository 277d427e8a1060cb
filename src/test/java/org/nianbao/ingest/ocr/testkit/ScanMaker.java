package org.nianbao.ingest.ocr.testkit;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes synthetic scans of known text for tests and measurements: A4 pages of wrapped Chinese
 * paragraphs drawn with a real CJK font, optionally skewed, turned, blurred and speckled like a
 * cheap office scan. The truth is the text that was drawn.
 */
public final class ScanMaker {
    public static final double A4_W_IN = 8.27;
    public static final double A4_H_IN = 11.69;

    private ScanMaker() { }

    /** A rendered page and the text drawn on it (paragraphs, in order). */
    public record Scan(BufferedImage image, List<String> truth, int dpi) {
        public String truthText() {
            return String.join("\n", truth);
        }
    }

    /**
     * Draws paragraphs on an A4 page, top to bottom, until the page is full; returns the page and the
     * paragraphs (the last one cut where the page ended).
     */
    public static Scan page(List<String> paragraphs, int dpi, String fontFamily, float pointSize) {
        return page(paragraphs, dpi, fontFamily, pointSize, A4_W_IN, A4_H_IN, 1.0);
    }

    /** A page of any size (inches) with the given margin (inches). */
    public static Scan page(List<String> paragraphs, int dpi, String fontFamily, float pointSize, double widthIn, double heightIn,
                            double marginIn) {
        int w = (int) Math.round(widthIn * dpi);
        int h = (int) Math.round(heightIn * dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        Font font = new Font(fontFamily, Font.PLAIN, 1).deriveFont(pointSize * dpi / 72f);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int margin = (int) Math.round(marginIn * dpi);
        int lineHeight = (int) Math.round(fm.getHeight() * 1.5);
        int y = margin + fm.getAscent();
        int right = w - margin;
        List<String> truth = new ArrayList<>();
        float em = font.getSize2D();
        outer:
        for (String para : paragraphs) {
            StringBuilder drawn = new StringBuilder();
            float x = margin + 2 * em;
            int i = 0;
            while (i < para.length()) {
                int cp = para.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float adv = (float) font.getStringBounds(ch, g.getFontRenderContext()).getWidth();
                // closing punctuation never starts a line (kinsoku): it hangs at the end of this one
                boolean hangs = "，。、；：！？）》”’".indexOf(cp) >= 0;
                if (x + adv > right && !hangs) {
                    y += lineHeight;
                    x = margin;
                    if (y > h - margin) {
                        if (drawn.length() > 0) truth.add(drawn.toString());
                        break outer;
                    }
                }
                g.drawString(ch, x, y);
                drawn.append(ch);
                x += adv;
                i += Character.charCount(cp);
            }
            truth.add(drawn.toString());
            y += lineHeight;
            if (y > h - margin) break;
        }
        g.dispose();
        return new Scan(img, truth, dpi);
    }

    /** Rotates a page by {@code degrees} about its centre (white fill), as a skewed scan. */
    public static BufferedImage rotate(BufferedImage src, double degrees) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean quarter = Math.abs(Math.abs(degrees) % 180 - 90) < 1e-9;
        int ow = quarter ? h : w;
        int oh = quarter ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, ow, oh);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(ow / 2.0, oh / 2.0);
        t.rotate(Math.toRadians(degrees));
        t.translate(-w / 2.0, -h / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    /** Black and white at a fixed threshold, as a fax-mode scanner stores pages (for CCITT G4). */
    public static BufferedImage bilevel(BufferedImage gray, int threshold) {
        BufferedImage bw = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        java.awt.image.WritableRaster out = bw.getRaster();
        java.awt.image.Raster in = gray.getRaster();
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) out.setSample(x, y, 0, in.getSample(x, y, 0) < threshold ? 0 : 1);
        }
        return bw;
    }

    /**
     * How hard a scanner degrades a page: skew up to {@code maxSkew} degrees either way, Gaussian blur,
     * sensor noise (grey levels), dust specks per megapixel, JPEG quality (0: the lightest compression).
     */
    public record Profile(double maxSkew, double blurSigma, double noiseSigma, int specksPerMp, float jpegQuality) {
        public static final Profile CLEAN = new Profile(0, 0, 0, 0, 0);
        /** An office scan at 300 dpi. */
        public static final Profile OFFICE = new Profile(1.5, 0.7, 6, 12, 0.72f);
        /** A cheap, noisy 200 dpi scan. */
        public static final Profile CHEAP = new Profile(1.5, 0.8, 11, 40, 0.55f);
    }

    /**
     * Degrades a clean grey page like a scanner would; deterministic for a seed. The degradation itself
     * is the generator's ({@link org.nianbao.ingest.eval.render.ScanMaker#degrade}: paper tone and uneven
     * light, skew, blur, sensor noise, dust, JPEG), so the OCR measurements and the eval forms see one
     * kind of scan; this kit only names its own strengths. {@link Profile#CLEAN} leaves the page as drawn.
     */
    public static BufferedImage degrade(BufferedImage clean, Profile p, long seed) {
        if (p.equals(Profile.CLEAN)) return org.nianbao.ingest.eval.render.ScanMaker.toGrayCopy(clean);
        var scanner = new org.nianbao.ingest.eval.render.ScanMaker.Profile(300, p.maxSkew(), p.blurSigma(), p.noiseSigma(),
                p.specksPerMp(), p.jpegQuality() > 0 ? p.jpegQuality() : 0.95f);
        try {
            return org.nianbao.ingest.eval.render.ScanMaker.degrade(clean, scanner, new Random(seed)).image();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
