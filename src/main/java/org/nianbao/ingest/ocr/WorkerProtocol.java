package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

/**
 * The byte protocol between {@link WorkerProcessEngine} and {@link OcrWorkerMain} over the child's
 * stdin/stdout. Every message starts with a magic number so stray bytes a native library might print
 * on stdout are detected (and treated as a crash) instead of being misread.
 */
final class WorkerProtocol {
    static final int MAGIC = 0x4E424F43; // "NBOC"
    static final int OP_READ = 1;
    static final int OP_ORIENT = 2;
    static final int OP_QUIT = 3;
    static final int OK = 0;
    static final int ERROR = 1;
    /** Largest string accepted from the other side; anything larger means the stream is corrupt. */
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_COUNT = 1 << 20;

    private WorkerProtocol() { }

    record Request(int op, OcrMode mode, OcrOptions options, Rectangle region, GrayImage image) { }

    static void writeRequest(DataOutputStream out, Request r) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(r.op());
        if (r.op() == OP_QUIT) {
            out.flush();
            return;
        }
        out.writeInt(r.mode() == null ? 0 : r.mode().ordinal());
        out.writeInt(r.options().script().ordinal());
        out.writeInt(r.options().dpi());
        out.writeLong(r.options().timeoutMillis());
        Rectangle g = r.region();
        out.writeBoolean(g != null);
        if (g != null) {
            out.writeInt(g.x);
            out.writeInt(g.y);
            out.writeInt(g.width);
            out.writeInt(g.height);
        }
        out.writeInt(r.image().width());
        out.writeInt(r.image().height());
        out.write(r.image().pixels());
        out.flush();
    }

    /** Reads one request; returns null at end of stream (the parent went away). */
    static Request readRequest(DataInputStream in, long maxPixels) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (magic != MAGIC) throw new IOException("bad request header " + Integer.toHexString(magic));
        int op = in.readInt();
        if (op == OP_QUIT) return new Request(op, null, null, null, null);
        if (op != OP_READ && op != OP_ORIENT) throw new IOException("unknown request " + op);
        OcrMode mode = OcrMode.values()[checkIndex(in.readInt(), OcrMode.values().length)];
        OcrScript script = OcrScript.values()[checkIndex(in.readInt(), OcrScript.values().length)];
        int dpi = in.readInt();
        long timeout = in.readLong();
        Rectangle region = null;
        if (in.readBoolean()) region = new Rectangle(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        int w = in.readInt();
        int h = in.readInt();
        if (w <= 0 || h <= 0 || (long) w * h > maxPixels) throw new IOException("bad image size " + w + "x" + h);
        byte[] px = new byte[w * h];
        in.readFully(px);
        return new Request(op, mode, new OcrOptions(Math.max(0, dpi), script, Math.max(0, timeout)), region, new GrayImage(w, h, px));
    }

    static void writeError(DataOutputStream out, OcrException.Kind kind, String message) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(ERROR);
        out.writeInt(kind.ordinal());
        writeString(out, message == null ? "" : message);
        out.flush();
    }

    static void writeResult(DataOutputStream out, OcrResult r) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(OK);
        out.writeDouble(r.confidence());
        out.writeLong(r.millis());
        out.writeInt(r.paragraphs().size());
        for (OcrResult.Paragraph p : r.paragraphs()) {
            out.writeInt(p.lines().size());
            for (Line l : p.lines()) {
                writeString(out, l.text());
                writeBox(out, l.box());
                out.writeDouble(l.confidence());
                out.writeInt(l.words().size());
                for (Word w : l.words()) {
                    writeString(out, w.text());
                    writeBox(out, w.box());
                    out.writeDouble(w.confidence());
                }
            }
        }
        out.flush();
    }

    static void writeOrientation(DataOutputStream out, OcrEngine.Orientation o) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(OK);
        out.writeInt(o.rotate());
        out.writeDouble(o.confidence());
        writeString(out, o.script());
        out.flush();
    }

    /** Reads the status header of a response; throws the worker's error as an OcrException. */
    static void readStatus(DataInputStream in) throws IOException, OcrException {
        int magic = in.readInt();
        if (magic != MAGIC) throw new IOException("bad response header " + Integer.toHexString(magic));
        int status = in.readInt();
        if (status == OK) return;
        if (status != ERROR) throw new IOException("bad response status " + status);
        OcrException.Kind kind = OcrException.Kind.values()[checkIndex(in.readInt(), OcrException.Kind.values().length)];
        throw new OcrException(kind, readString(in));
    }

    static OcrResult readResult(DataInputStream in) throws IOException {
        double conf = in.readDouble();
        long millis = in.readLong();
        int np = count(in.readInt());
        List<OcrResult.Paragraph> paras = new ArrayList<>(Math.min(np, 1024));
        for (int i = 0; i < np; i++) {
            int nl = count(in.readInt());
            List<Line> lines = new ArrayList<>(Math.min(nl, 1024));
            for (int j = 0; j < nl; j++) {
                String text = readString(in);
                Box box = readBox(in);
                double lc = in.readDouble();
                int nw = count(in.readInt());
                List<Word> words = new ArrayList<>(Math.min(nw, 1024));
                for (int k = 0; k < nw; k++) words.add(new Word(readString(in), readBox(in), in.readDouble()));
                lines.add(new Line(text, box, lc, words));
            }
            paras.add(new OcrResult.Paragraph(lines));
        }
        return new OcrResult(paras, conf, millis);
    }

    static OcrEngine.Orientation readOrientation(DataInputStream in) throws IOException {
        return new OcrEngine.Orientation(in.readInt(), in.readDouble(), readString(in));
    }

    private static void writeBox(DataOutputStream out, Box b) throws IOException {
        out.writeDouble(b.x());
        out.writeDouble(b.y());
        out.writeDouble(b.width());
        out.writeDouble(b.height());
    }

    private static Box readBox(DataInputStream in) throws IOException {
        return new Box(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) throw new IOException("bad string length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > MAX_COUNT) throw new IOException("bad count " + n);
        return n;
    }

    private static int checkIndex(int i, int size) throws IOException {
        if (i < 0 || i >= size) throw new IOException("bad enum index " + i);
        return i;
    }
}
