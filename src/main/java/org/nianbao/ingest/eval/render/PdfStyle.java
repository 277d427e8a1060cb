package org.nianbao.ingest.eval.render;

import java.util.Random;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Page geometry and type sizes of a born-digital report. Two families: the official document
 * layout of GB/T 9704 (三号 16 pt body on a 28-character line, 22 lines a page, 二号 title) and
 * the denser layout of reports typed for the web (小四/四号 body, 2.54 cm margins).
 *
 * @param leading    baseline-to-baseline distance of body text
 * @param tableSize  type size inside tables (五号 10.5 pt or 小五 9 pt)
 */
public record PdfStyle(String name, float pageWidth, float pageHeight, float left, float right, float top, float bottom,
                       float bodySize, float leading, float titleSize, float tableSize, float pageNumberSize) {

    public float textWidth() {
        return pageWidth - left - right;
    }

    public static PdfStyle pick(long seed) {
        Random rnd = new Random(seed ^ 0x7A3C9E11L);
        float w = PDRectangle.A4.getWidth();
        float h = PDRectangle.A4.getHeight();
        if (rnd.nextInt(10) < 6) {
            // GB/T 9704: 天头 37 mm, 订口 28 mm, text block 156 × 225 mm
            float table = rnd.nextBoolean() ? 10.5f : 9f;
            return new PdfStyle("official", w, h, 79.4f, 62.4f, 104.9f, 99.2f, 16f, 28.9f, 22f, table, 14f);
        }
        float body = rnd.nextBoolean() ? 12f : 14f;
        float leading = body * (1.5f + rnd.nextInt(3) * 0.1f);
        float table = body == 12f ? 9f : 10.5f;
        return new PdfStyle("web", w, h, 72f, 72f, 72f, 72f, body, leading, body == 12f ? 18f : 20f, table, 10.5f);
    }
}
