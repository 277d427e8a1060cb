package org.nianbao.ingest.ocr.testkit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes test images with their resolution recorded: PNG, and multi-page TIFF with a chosen compression. */
public final class ImageFiles {
    private ImageFiles() { }

    public static void png(BufferedImage img, int dpi, Path out) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
        // through the native pHYs chunk: the JDK's PNG writer turns a standard-tree pixel size into a wrong pHYs
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", ppm);
        phys.setAttribute("pixelsPerUnitYAxis", ppm);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
        write(w, List.of(img), meta, p, out);
    }

    /** A TIFF of several pages; {@code compression} e.g. "CCITT T.6" (G4, bilevel only), "CCITT T.4", "LZW". */
    public static void tiff(List<BufferedImage> pages, int dpi, String compression, Path out) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType(compression);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(Files.newOutputStream(out))) {
            w.setOutput(ios);
            w.prepareWriteSequence(null);
            for (BufferedImage img : pages) {
                IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
                setDpi(meta, dpi);
                w.writeToSequence(new IIOImage(img, null, meta), p);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
    }

    private static void write(ImageWriter w, List<BufferedImage> imgs, IIOMetadata meta, ImageWriteParam p, Path out) throws IOException {
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(Files.newOutputStream(out))) {
            w.setOutput(ios);
            w.write(null, new IIOImage(imgs.get(0), null, meta), p);
        } finally {
            w.dispose();
        }
    }

    private static void setDpi(IIOMetadata meta, int dpi) throws IOException {
        double mm = 25.4 / dpi;
        IIOMetadataNode h = new IIOMetadataNode("HorizontalPixelSize");
        h.setAttribute("value", Double.toString(mm));
        IIOMetadataNode v = new IIOMetadataNode("VerticalPixelSize");
        v.setAttribute("value", Double.toString(mm));
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        dim.appendChild(h);
        dim.appendChild(v);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dim);
        meta.mergeTree("javax_imageio_1.0", root);
    }
}
