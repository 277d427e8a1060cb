package org.nianbao.ingest.eval.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/** Encodes page images the way scanners write them: with their resolution recorded in the file. */
public final class ImageFiles {
    private ImageFiles() { }

    public static byte[] png(BufferedImage img, int dpi) throws IOException {
        ImageWriter w = writer("png");
        ImageWriteParam param = w.getDefaultWriteParam();
        IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", ppm);
        phys.setAttribute("pixelsPerUnitYAxis", ppm);
        phys.setAttribute("unitSpecifier", "meter");
        root.appendChild(phys);
        md.mergeTree("javax_imageio_png_1.0", root);
        return write(w, new IIOImage(img, null, md), param);
    }

    public static byte[] jpeg(BufferedImage img, float quality, int dpi) throws IOException {
        ImageWriter w = writer("jpeg");
        ImageWriteParam param = w.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        Node tree = md.getAsTree("javax_imageio_jpeg_image_1.0");
        IIOMetadataNode jfif = find(tree, "app0JFIF");
        if (jfif != null) {
            jfif.setAttribute("resUnits", "1");
            jfif.setAttribute("Xdensity", Integer.toString(dpi));
            jfif.setAttribute("Ydensity", Integer.toString(dpi));
            md.setFromTree("javax_imageio_jpeg_image_1.0", tree);
        }
        return write(w, new IIOImage(img, null, md), param);
    }

    /** A multi-page bilevel TIFF with CCITT T.6 (Group 4) compression; pages must be TYPE_BYTE_BINARY. */
    public static byte[] tiffG4(List<BufferedImage> pages, int dpi) throws IOException {
        ImageWriter w = writer("tiff");
        ImageWriteParam param = w.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("CCITT T.6");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(ios);
            w.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                if (page.getType() != BufferedImage.TYPE_BYTE_BINARY) throw new IllegalArgumentException("G4 needs a bilevel image");
                IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
                TIFFDirectory dir = TIFFDirectory.createFromMetadata(md);
                BaselineTIFFTagSet base = BaselineTIFFTagSet.getInstance();
                long[][] res = {{dpi, 1}};
                dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1, res));
                dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1, res));
                dir.addTIFFField(new TIFFField(base.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT), BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
                w.writeToSequence(new IIOImage(page, null, dir.getAsMetadata()), param);
            }
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The writer for a format, the same one on every run. jai-imageio (on the class path for PDFBox)
     * registers a second TIFF writer beside the JDK's, and the order ImageIO lists them in is not fixed:
     * the same seed gave a 15-tag G4 TIFF (jai-imageio's, 42 KB a page, what fixtures/generated holds) on
     * some runs and an 11-tag one (the JDK's, 135 KB a page) on others. jai-imageio's is taken when there.
     */
    static ImageWriter writer(String format) {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
        if (!it.hasNext()) throw new IllegalStateException("no ImageIO writer for " + format);
        ImageWriter pick = it.next();
        while (it.hasNext()) {
            ImageWriter other = it.next();
            if (!pick.getClass().getName().startsWith(PREFERRED) && other.getClass().getName().startsWith(PREFERRED)) {
                pick.dispose();
                pick = other;
            } else {
                other.dispose();
            }
        }
        return pick;
    }

    private static final String PREFERRED = "com.github.jaiimageio.";

    private static byte[] write(ImageWriter w, IIOImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(ios);
            w.write(null, image, param);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    private static IIOMetadataNode find(Node n, String name) {
        if (n.getNodeName().equals(name)) return (IIOMetadataNode) n;
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            IIOMetadataNode hit = find(c, name);
            if (hit != null) return hit;
        }
        return null;
    }
}
