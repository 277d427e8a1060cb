package org.nianbao.ingest.extract.image;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Decodes the pages of an image file one frame at a time with javax.imageio (PNG, JPEG, BMP, GIF and,
 * since Java 9, TIFF with CCITT G3/G4, LZW, Deflate and JPEG compression; JPEG 2000 through
 * jai-imageio). A frame's size is read from its header before anything is decoded, so an image that
 * would blow up in memory is refused with a clear reason instead.
 */
public final class ImageFrames implements Closeable {
    private final ImageInputStream in;
    private final ImageReader reader;
    private final boolean multiPage;

    /** A frame's declared size and resolution. */
    public record Header(int width, int height, int dpiX, int dpiY) {
        public long pixels() {
            return (long) width * height;
        }
    }

    /** The file is not an image javax.imageio can decode; the message says why. */
    public static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    private ImageFrames(ImageInputStream in, ImageReader reader) {
        this.in = in;
        this.reader = reader;
        String format;
        try {
            format = reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            format = "";
        }
        // TIFF frames are pages; GIF frames are animation, only the first is a page
        this.multiPage = format.contains("tif");
    }

    public static ImageFrames open(InputStream stream) throws IOException, Unsupported {
        ImageInputStream in = ImageIO.createImageInputStream(stream);
        if (in == null) throw new Unsupported("no image stream could be opened");
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            in.close();
            throw new Unsupported("no decoder for this image format");
        }
        ImageReader r = readers.next();
        r.setInput(in, false, false);
        return new ImageFrames(in, r);
    }

    public String format() {
        try {
            return reader.getFormatName().toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    /** True when frame {@code index} exists (read lazily: TIFF pages are found one by one, never all counted first). */
    public boolean has(int index) throws IOException {
        if (index == 0) return true;
        if (!multiPage) return false;
        try {
            reader.getWidth(index);
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** The header of frame {@code index}: nothing is decoded. */
    public Header header(int index) throws IOException {
        int w = reader.getWidth(index);
        int h = reader.getHeight(index);
        int[] dpi = dpi(index);
        return new Header(w, h, dpi[0], dpi[1]);
    }

    public BufferedImage read(int index) throws IOException {
        return reader.read(index, reader.getDefaultReadParam());
    }

    /** Resolution from the frame's metadata (standard tree: millimetres per pixel), 0 when absent or absurd. */
    private int[] dpi(int index) {
        try {
            IIOMetadata meta = reader.getImageMetadata(index);
            if (meta == null || !meta.isStandardMetadataFormatSupported()) return new int[]{0, 0};
            Node root = meta.getAsTree("javax_imageio_1.0");
            return new int[]{dpiOf(root, "HorizontalPixelSize"), dpiOf(root, "VerticalPixelSize")};
        } catch (IOException | RuntimeException e) {
            return new int[]{0, 0};
        }
    }

    private static int dpiOf(Node root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!"Dimension".equals(n.getNodeName())) continue;
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (!name.equals(c.getNodeName())) continue;
                String v = ((IIOMetadataNode) c).getAttribute("value");
                try {
                    double mmPerPixel = Double.parseDouble(v);
                    if (mmPerPixel <= 0) return 0;
                    long dpi = Math.round(25.4 / mmPerPixel);
                    return dpi >= 20 && dpi <= 4800 ? (int) dpi : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        in.close();
    }
}
