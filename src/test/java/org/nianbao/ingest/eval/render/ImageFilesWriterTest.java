package org.nianbao.ingest.eval.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;

/** The generator's image writers are the same on every run (the committed fixtures depend on it). */
class ImageFilesWriterTest {

    @Test
    void tiffIsAlwaysWrittenByJaiImageio() {
        for (int i = 0; i < 3; i++) {
            ImageWriter w = ImageFiles.writer("tiff");
            assertTrue(w.getClass().getName().startsWith("com.github.jaiimageio."), w.getClass().getName());
            w.dispose();
        }
    }

    @Test
    void aG4TiffIsTheSameBytesTwice() throws Exception {
        BufferedImage page = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_BINARY);
        var g = page.createGraphics();
        g.fillRect(0, 0, 200, 100);
        g.setColor(java.awt.Color.BLACK);
        g.drawString("2021", 20, 50);
        g.dispose();
        assertArrayEquals(ImageFiles.tiffG4(List.of(page), 300), ImageFiles.tiffG4(List.of(page), 300));
    }
}
