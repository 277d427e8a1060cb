package org.nianbao.ingest.ocr;

/**
 * For unit tests of the re-reads and of table cell reading: an engine whose readings the test scripts ({@link #read}); it is always
 * alive, finds every page upright and holds nothing to close. Never a stand-in for OCR outside unit tests.
 */
public abstract class TestEngine implements OcrEngine {
    @Override
    public Orientation detectOrientation(GrayImage image, int dpi) {
        return Orientation.unknown();
    }

    @Override
    public boolean alive() {
        return true;
    }

    @Override
    public void close() { }
}
