package org.nianbao.ingest.model;

/** An axis-aligned rectangle in page units (pixels for images, points for PDFs), origin top-left. */
public record Box(double x, double y, double width, double height) {
    public double right() { return x + width; }
    public double bottom() { return y + height; }
}
