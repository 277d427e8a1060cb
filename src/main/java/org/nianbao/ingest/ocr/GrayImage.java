package org.nianbao.ingest.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.util.Objects;

/**
 * An 8-bit grey image, row-major, 0 = black, 255 = white: what Tesseract reads and what the
 * preprocessing steps work on. Plain arrays keep it cheap to send to a worker process.
 */
public record GrayImage(int width, int height, byte[] pixels) {
    public GrayImage {
        Objects.requireNonNull(pixels);
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("empty image " + width + "x" + height);
        if ((long) width * height != pixels.length) throw new IllegalArgumentException("pixel count does not match " + width + "x" + height);
    }

    public int get(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /** The pixels inside {@code r}, which must lie within the image, as an image of their own. */
    public GrayImage crop(java.awt.Rectangle r) {
        byte[] out = new byte[r.width * r.height];
        for (int y = 0; y < r.height; y++) System.arraycopy(pixels, (r.y + y) * width + r.x, out, y * r.width, r.width);
        return new GrayImage(r.width, r.height, out);
    }

    /** Converts any decoded image to grey; transparency is laid over white (a transparent PNG has no black page). */
    public static GrayImage of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if ((long) w * h > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("image too large: " + w + "x" + h);
        byte[] out = new byte[w * h];
        Raster raster = img.getRaster();
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY && raster.getDataBuffer() instanceof DataBufferByte
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel() instanceof java.awt.image.ComponentSampleModel csm
                && csm.getScanlineStride() == w && csm.getPixelStride() == 1) {
            byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
            System.arraycopy(data, csm.getOffset(0, 0), out, 0, w * h);
            return new GrayImage(w, h, out);
        }
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY || img.getType() == BufferedImage.TYPE_USHORT_GRAY
                || img.getType() == BufferedImage.TYPE_CUSTOM && raster.getNumBands() == 1
                && img.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY) {
            int bits = img.getColorModel().getComponentSize(0);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                int shift = Math.max(0, bits - 8);
                int scale = bits < 8 ? 255 / ((1 << bits) - 1) : 1;
                for (int x = 0; x < w; x++) out[y * w + x] = (byte) (bits < 8 ? row[x] * scale : row[x] >> shift);
            }
            return new GrayImage(w, h, out);
        }
        // Everything else (RGB, indexed, 1-bit, CMYK converted by the reader): through the colour model.
        int[] rgb = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, rgb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = rgb[x];
                int a = p >>> 24;
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                int lum = (r * 299 + g * 587 + b * 114 + 500) / 1000;
                if (a < 255) lum = (lum * a + 255 * (255 - a) + 127) / 255;
                out[y * w + x] = (byte) lum;
            }
        }
        return new GrayImage(w, h, out);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        return img;
    }
}
