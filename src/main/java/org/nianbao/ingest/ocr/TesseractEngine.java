package org.nianbao.ingest.ocr;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Rectangle;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.ETEXT_DESC;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

/**
 * Tesseract 5 in this JVM, through Tess4J's JNA interface mapping of the C API ({@link TessAPI}; the
 * direct mapping {@code TessAPI1} binds every function at load and fails on Debian 12's Tesseract 5.3,
 * which lacks the newer renderer functions).
 * One instance = one {@code TessBaseAPI} per script, initialised once and reused for every page the
 * worker reads; not thread-safe (Tesseract's API objects are not).
 *
 * <p>Time limits: every recognition runs with an {@code ETEXT_DESC} monitor carrying a deadline and a
 * cancel flag, which Tesseract checks between words. Layout analysis before recognition is not
 * covered by the monitor, which is one reason the pool prefers {@link WorkerProcessEngine}.
 *
 * <p>Tesseract parallelises with OpenMP; with several engines working side by side that only adds
 * contention (measured 3x slower on 2 cores). The environment variable {@code OMP_THREAD_LIMIT=1}
 * must be set before the process starts: the launcher scripts and the worker processes set it; a JVM
 * cannot change its own environment.
 */
public final class TesseractEngine implements OcrEngine {
    private static final int OEM_LSTM = ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY;
    private static final int OEM_LEGACY = ITessAPI.TessOcrEngineMode.OEM_TESSERACT_ONLY;
    /** Tesseract's (Leptonica's) image size ceiling per side. */
    static final int MAX_SIDE = 32000;

    private final Path modelsDir;
    private final Map<OcrScript, TessBaseAPI> handles = new EnumMap<>(OcrScript.class);
    private TessBaseAPI osd;
    private boolean osdUnavailable;
    private final ETEXT_DESC monitor;
    private final AtomicBoolean cancel = new AtomicBoolean();
    // Held in a field: JNA frees a callback's native stub once the Java object is collected.
    private final ITessAPI.TessCancelFunc cancelFunc = (thisPtr, words) -> cancel.get();
    private volatile boolean closed;
    private final TessAPI api;
    /** Largest pixel buffer kept between calls: an A3 page at 300 dpi. */
    private static final int KEPT_BUFFER_BYTES = 20_000_000;
    private ByteBuffer pixels;

    /** Opens an engine over the models in {@code modelsDir}; initialises the simplified model now so a bad set-up fails here. */
    public TesseractEngine(Path modelsDir) throws OcrException {
        this.modelsDir = modelsDir;
        Models.require(modelsDir, OcrScript.SIMPLIFIED.languages());
        try {
            api = TessAPI.INSTANCE;
            monitor = api.TessMonitorCreate();
        } catch (LinkageError e) {
            throw new OcrException(OcrException.Kind.UNAVAILABLE,
                    "the Tesseract library cannot be loaded (" + e.getMessage() + "); install libtesseract5 and libtesseract-dev", e);
        }
        if (TessIteratorCalls.FAILURE != null) {
            throw new OcrException(OcrException.Kind.UNAVAILABLE, "the Tesseract library's result functions cannot be bound ("
                    + TessIteratorCalls.FAILURE + "); install libtesseract5 and libtesseract-dev");
        }
        // The C side owns this struct; our Java view of it is older and shorter than Tesseract 5's, so it
        // must never be written back over the native memory (that would erase the deadline).
        monitor.setAutoSynch(false);
        api.TessMonitorSetCancelFunc(monitor, cancelFunc);
        handle(OcrScript.SIMPLIFIED);
    }

    private TessBaseAPI handle(OcrScript script) throws OcrException {
        TessBaseAPI h = handles.get(script);
        if (h != null) return h;
        Models.require(modelsDir, script.languages());
        h = api.TessBaseAPICreate();
        int rc = api.TessBaseAPIInit2(h, modelsDir.toString(), script.languages(), OEM_LSTM);
        if (rc != 0) {
            api.TessBaseAPIDelete(h);
            throw new OcrException(OcrException.Kind.UNAVAILABLE,
                    "Tesseract could not load " + script.languages() + " from " + modelsDir + "; run " + Models.SETUP_COMMAND);
        }
        // Quiet: Tesseract's debug chatter would otherwise go to our stderr on every page.
        api.TessBaseAPISetVariable(h, "debug_file", "/dev/null");
        // Tesseract 5 reads every low-confidence word a second time inverted (white on black). Report
        // pages are dark on light: same text on the benchmark pages, 6% less CPU (scripts/bench-ocr).
        api.TessBaseAPISetVariable(h, "tessedit_do_invert", "0");
        handles.put(script, h);
        return h;
    }

    @Override
    public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) throws OcrException {
        if (region == null) return readWithin(image, null, mode, options);
        // Only the region's pixels (and a margin) go to Tesseract: handing it a whole page to read one
        // line costs ~0.1 s of copying; the reading is the same (Tesseract works inside the rectangle).
        RegionCut cut = RegionCut.of(image, region, RegionCut.MARGIN);
        if (cut == null) return OcrResult.empty(0);
        return cut.toPage(readWithin(cut.image(), cut.region(), mode, options));
    }

    /**
     * Reads {@code image}, within {@code r} when given (which must lie inside the image), the whole
     * image handed to Tesseract. Package-private so a test can show that reading a cut-out is the same.
     */
    OcrResult readWithin(GrayImage image, Rectangle r, OcrMode mode, OcrOptions options) throws OcrException {
        ensureOpen();
        checkSize(image);
        TessBaseAPI h = handle(options.script());
        long start = System.nanoTime();
        api.TessBaseAPISetImage(h, pixelBuffer(image), image.width(), image.height(), 1, image.width());
        if (options.dpi() > 0) api.TessBaseAPISetSourceResolution(h, options.dpi());
        if (r != null) api.TessBaseAPISetRectangle(h, r.x, r.y, r.width, r.height);
        api.TessBaseAPISetPageSegMode(h, mode.pageSegMode());
        String whitelist = mode.whitelist();
        api.TessBaseAPISetVariable(h, "tessedit_char_whitelist", whitelist == null ? "" : whitelist);
        try {
            cancel.set(false);
            if (options.timeoutMillis() > 0) {
                api.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, options.timeoutMillis()));
            } else {
                api.TessMonitorSetDeadlineMSecs(monitor, Integer.MAX_VALUE);
            }
            int rc = api.TessBaseAPIRecognize(h, monitor);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (rc != 0) {
                if (cancel.get()) throw new OcrException(OcrException.Kind.TIMEOUT, "OCR was cancelled after " + millis + " ms");
                if (options.timeoutMillis() > 0 && millis >= options.timeoutMillis()) {
                    throw new OcrException(OcrException.Kind.TIMEOUT,
                            "OCR stopped at the time limit of " + options.timeoutMillis() / 1000.0 + " s");
                }
                throw new OcrException(OcrException.Kind.FAILED, "Tesseract could not recognise the image (error " + rc + ")");
            }
            return collect(h, millis);
        } finally {
            api.TessBaseAPIClear(h);
        }
    }

    /** Asks a running {@link #read} to stop at the next word; it then fails with {@link OcrException.Kind#TIMEOUT}. */
    public void cancel() {
        cancel.set(true);
    }

    private OcrResult collect(TessBaseAPI h, long millis) {
        TessResultIterator ri = api.TessBaseAPIGetIterator(h);
        if (ri == null) return OcrResult.empty(millis);
        List<OcrResult.Paragraph> paragraphs = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        Box lineBox = null;
        double confSum = 0;
        int confChars = 0;
        try {
            TessPageIterator pi = api.TessResultIteratorGetPageIterator(ri);
            api.TessPageIteratorBegin(pi);
            Cursor c = new Cursor(ri.getPointer(), pi.getPointer());
            do {
                boolean newPara = c.atBeginningOf(ITessAPI.TessPageIteratorLevel.RIL_PARA);
                boolean newLine = newPara || c.atBeginningOf(ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE);
                if (newLine) {
                    addLine(lines, words, lineBox);
                    words = new ArrayList<>();
                    lineBox = c.box(ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE);
                }
                if (newPara && !lines.isEmpty()) {
                    paragraphs.add(new OcrResult.Paragraph(lines));
                    lines = new ArrayList<>();
                }
                String text = c.wordText();
                if (text == null) continue;
                text = CjkSpacing.strip(text.strip());
                if (text.isEmpty()) continue;
                double conf = c.wordConfidence();
                Box wb = c.box(ITessAPI.TessPageIteratorLevel.RIL_WORD);
                words.add(new Word(text, wb, conf));
                int chars = text.codePointCount(0, text.length());
                confSum += conf * chars;
                confChars += chars;
            } while (c.nextWord());
            addLine(lines, words, lineBox);
            if (!lines.isEmpty()) paragraphs.add(new OcrResult.Paragraph(lines));
        } finally {
            api.TessResultIteratorDelete(ri);
        }
        return new OcrResult(paragraphs, confChars == 0 ? 0 : confSum / confChars, millis);
    }

    /** The per-word calls of {@link #collect}, through the direct binding ({@link TessIteratorCalls}). */
    private static final class Cursor {
        private final Pointer ri;
        private final Pointer pi;
        private final int[] l = new int[1], t = new int[1], r = new int[1], b = new int[1];

        Cursor(Pointer ri, Pointer pi) {
            this.ri = ri;
            this.pi = pi;
        }

        boolean atBeginningOf(int level) {
            return TessIteratorCalls.TessPageIteratorIsAtBeginningOf(pi, level) == ITessAPI.TRUE;
        }

        /** The current word's text, null when it has none. */
        String wordText() {
            Pointer p = TessIteratorCalls.TessResultIteratorGetUTF8Text(ri, ITessAPI.TessPageIteratorLevel.RIL_WORD);
            if (p == null) return null;
            try {
                return p.getString(0, "UTF-8");
            } finally {
                TessIteratorCalls.TessDeleteText(p);
            }
        }

        double wordConfidence() {
            return TessIteratorCalls.TessResultIteratorConfidence(ri, ITessAPI.TessPageIteratorLevel.RIL_WORD);
        }

        Box box(int level) {
            if (TessIteratorCalls.TessPageIteratorBoundingBox(pi, level, l, t, r, b) != ITessAPI.TRUE) return new Box(0, 0, 0, 0);
            return new Box(l[0], t[0], r[0] - l[0], b[0] - t[0]);
        }

        boolean nextWord() {
            return TessIteratorCalls.TessPageIteratorNext(pi, ITessAPI.TessPageIteratorLevel.RIL_WORD) == ITessAPI.TRUE;
        }
    }

    private static void addLine(List<Line> lines, List<Word> words, Box lineBox) {
        if (words.isEmpty()) return;
        Box box = lineBox != null ? lineBox : union(words);
        String text = CjkSpacing.joinWords(words, box.height());
        double sum = 0;
        int n = 0;
        for (Word w : words) {
            int c = w.text().codePointCount(0, w.text().length());
            sum += w.confidence() * c;
            n += c;
        }
        lines.add(new Line(text, box, n == 0 ? 0 : sum / n, words));
    }

    static Box union(List<Word> words) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Word w : words) {
            x0 = Math.min(x0, w.box().x());
            y0 = Math.min(y0, w.box().y());
            x1 = Math.max(x1, w.box().right());
            y1 = Math.max(y1, w.box().bottom());
        }
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    @Override
    public Orientation detectOrientation(GrayImage image, int dpi) throws OcrException {
        ensureOpen();
        checkSize(image);
        TessBaseAPI h = osdHandle();
        if (h == null) return Orientation.unknown();
        api.TessBaseAPISetImage(h, pixelBuffer(image), image.width(), image.height(), 1, image.width());
        if (dpi > 0) api.TessBaseAPISetSourceResolution(h, dpi);
        try {
            IntBuffer deg = IntBuffer.allocate(1);
            FloatBuffer degConf = FloatBuffer.allocate(1);
            PointerByReference scriptName = new PointerByReference();
            FloatBuffer scriptConf = FloatBuffer.allocate(1);
            if (api.TessBaseAPIDetectOrientationScript(h, deg, degConf, scriptName, scriptConf) != ITessAPI.TRUE) {
                return Orientation.unknown(); // too little text to tell
            }
            // Tesseract reports how far the page is turned clockwise; turning it back is the complement.
            int rotate = (360 - Math.floorMod(deg.get(0), 360)) % 360;
            Pointer sp = scriptName.getValue();
            return new Orientation(rotate, degConf.get(0), sp == null ? "" : sp.getString(0, "UTF-8"));
        } finally {
            api.TessBaseAPIClear(h);
        }
    }

    private TessBaseAPI osdHandle() {
        if (osd != null || osdUnavailable) return osd;
        if (!java.nio.file.Files.isRegularFile(modelsDir.resolve("osd.traineddata"))) {
            osdUnavailable = true;
            return null;
        }
        TessBaseAPI h = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit2(h, modelsDir.toString(), "osd", OEM_LEGACY) != 0) {
            api.TessBaseAPIDelete(h);
            osdUnavailable = true;
            return null;
        }
        api.TessBaseAPISetVariable(h, "debug_file", "/dev/null");
        osd = h;
        return osd;
    }

    /**
     * The image's pixels in native memory for {@code SetImage}, which copies them: one buffer is kept
     * and reused (a fresh direct buffer per call is zeroed, filled, and freed only by a later GC).
     */
    private ByteBuffer pixelBuffer(GrayImage image) {
        int n = image.pixels().length;
        ByteBuffer buf = pixels;
        if (buf == null || buf.capacity() < n) {
            buf = ByteBuffer.allocateDirect(n);
            // keep it for the next call unless it is unusually large (one huge image should not pin its memory)
            pixels = n <= KEPT_BUFFER_BYTES ? buf : null;
        }
        buf.clear();
        buf.put(image.pixels()).flip();
        return buf;
    }

    private static void checkSize(GrayImage image) throws OcrException {
        if (image.width() > MAX_SIDE || image.height() > MAX_SIDE) {
            throw new OcrException(OcrException.Kind.FAILED,
                    "image is " + image.width() + "x" + image.height() + " pixels; Tesseract reads at most " + MAX_SIDE + " per side");
        }
        if (image.width() < 3 || image.height() < 3) {
            throw new OcrException(OcrException.Kind.FAILED, "image is too small to read (" + image.width() + "x" + image.height() + ")");
        }
    }

    private void ensureOpen() throws OcrException {
        if (closed) throw new OcrException(OcrException.Kind.CRASHED, "OCR engine is closed");
    }

    @Override
    public boolean alive() {
        return !closed;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (TessBaseAPI h : handles.values()) {
            api.TessBaseAPIEnd(h);
            api.TessBaseAPIDelete(h);
        }
        handles.clear();
        if (osd != null) {
            api.TessBaseAPIEnd(osd);
            api.TessBaseAPIDelete(osd);
            osd = null;
        }
        api.TessMonitorDelete(monitor);
    }
}
