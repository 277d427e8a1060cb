package org.nianbao.ingest.ocr;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The Tesseract C functions called once per word when a reading is collected, bound with JNA's
 * <em>direct</em> mapping ({@link Native#register}: only these functions, so the renderer functions
 * Debian's Tesseract 5.3 lacks do not matter). A page has hundreds of words and each takes six or seven
 * calls; through Tess4J's interface mapping (a proxy and reflection per call) that cost ~80 ms a page
 * in the C1-only worker (measured side by side at 71191a7, docs/ocr.md). These are the same library's
 * functions Tess4J binds, so there is no second path: a library they cannot be bound from is a broken
 * install, and {@link TesseractEngine} says so when it opens ({@link #FAILURE}).
 */
final class TessIteratorCalls {
    /** Why binding failed, null when it worked. */
    static final String FAILURE = bind();

    private TessIteratorCalls() { }

    private static String bind() {
        try {
            Native.register(TessIteratorCalls.class, NativeLibrary.getInstance("tesseract"));
            return null;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    static native int TessPageIteratorIsAtBeginningOf(Pointer pageIterator, int level);

    static native Pointer TessResultIteratorGetUTF8Text(Pointer resultIterator, int level);

    static native void TessDeleteText(Pointer text);

    static native float TessResultIteratorConfidence(Pointer resultIterator, int level);

    static native int TessPageIteratorBoundingBox(Pointer pageIterator, int level, int[] left, int[] top, int[] right, int[] bottom);

    static native int TessPageIteratorNext(Pointer pageIterator, int level);
}
