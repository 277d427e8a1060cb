package org.nianbao.ingest.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Small pictures in web captures (a table published as a 150 dpi PNG) carry their text at a third to
 * a half of a scan's resolution. Read as they are, or enlarged by the page reader's plain resampling,
 * strokes of 2-3 pixels come out blocky and the labels of their tables are misread. Such a picture is
 * enlarged here with bicubic interpolation (smooth strokes, the way a renderer draws the glyphs) to
 * {@link #TARGET_DPI} before anything else touches it. Only small, low-resolution pictures: a page
 * scan (a TIFF or JPEG of a whole page, 200 dpi and up) is left exactly as it is, so scans read as before.
 */
final class WebPicture {
    /** Declared resolutions below this are web pictures' (72, 96, 150 dpi), not scans'. */
    static final int MAX_WEB_DPI = 200;
    /** Pictures larger than this on their longer side are pages, whatever they declare. */
    static final int MAX_WEB_SIDE = 2000;
    /** Resolution a web picture is enlarged to: within the page reader's band (240–420), so it is not resampled again. */
    static final int TARGET_DPI = 400;
    /** Never enlarge by more than this (a 72 dpi screenshot would otherwise grow 5.5 times). */
    static final double MAX_FACTOR = 3.5;

    private WebPicture() { }

    /** The picture to read, the resolution to read it at, and how much it was enlarged (1 when not). */
    record Prepared(BufferedImage image, int dpi, double factor) { }

    static Prepared prepare(BufferedImage picture, int dpi, long maxPixels) {
        double factor = factor(picture.getWidth(), picture.getHeight(), dpi);
        if (factor <= 1) return new Prepared(picture, dpi, 1);
        int w = (int) Math.round(picture.getWidth() * factor);
        int h = (int) Math.round(picture.getHeight() * factor);
        if ((long) w * h > maxPixels) return new Prepared(picture, dpi, 1);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE); // transparent pixels over white, as GrayImage.of does
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(picture, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        double actual = (double) w / picture.getWidth();
        return new Prepared(out, (int) Math.round(dpi * actual), actual);
    }

    /** How much to enlarge a picture of this size and declared resolution: 1 for anything but a small low-resolution picture. */
    static double factor(int width, int height, int dpi) {
        if (dpi <= 0 || dpi >= MAX_WEB_DPI || Math.max(width, height) > MAX_WEB_SIDE) return 1;
        return Math.min(MAX_FACTOR, (double) TARGET_DPI / dpi);
    }
}
