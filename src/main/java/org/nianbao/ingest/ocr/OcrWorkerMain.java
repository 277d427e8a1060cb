package org.nianbao.ingest.ocr;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The OCR worker process: one {@link TesseractEngine}, initialised once, serving requests from its
 * parent over stdin/stdout ({@link WorkerProtocol}) until stdin closes. Started by
 * {@link WorkerProcessEngine}; if Tesseract crashes, only this process dies.
 *
 * <p>Usage: {@code java -cp ... org.nianbao.ingest.ocr.OcrWorkerMain <modelsDir> <maxPixels>}
 */
public final class OcrWorkerMain {
    private OcrWorkerMain() { }

    public static void main(String[] args) throws IOException {
        // The protocol owns stdout; anything a library prints goes to stderr instead.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        Path models = Path.of(args[0]);
        long maxPixels = args.length > 1 ? Long.parseLong(args[1]) : 200_000_000L;

        TesseractEngine engine;
        try {
            engine = new TesseractEngine(models);
        } catch (OcrException e) {
            WorkerProtocol.writeError(out, e.kind(), e.getMessage());
            System.exit(2);
            return;
        } catch (Throwable e) {
            WorkerProtocol.writeError(out, OcrException.Kind.UNAVAILABLE, "OCR engine failed to start: " + e);
            System.exit(2);
            return;
        }
        // Tesseract's line images are the only PNGs this process writes: store them uncompressed (same text, less CPU)
        String notFast = LineImageCompression.install();
        if (notFast != null && LineImageCompression.enabled()) System.err.println("OCR worker: line images stay compressed: " + notFast);
        WorkerProtocol.writeOrientation(out, OcrEngine.Orientation.unknown()); // handshake: ready
        try {
            while (true) {
                WorkerProtocol.Request req = WorkerProtocol.readRequest(in, maxPixels);
                if (req == null || req.op() == WorkerProtocol.OP_QUIT) break;
                try {
                    if (req.op() == WorkerProtocol.OP_READ) {
                        OcrResult r = engine.read(req.image(), req.region(), req.mode(), req.options());
                        WorkerProtocol.writeResult(out, r);
                    } else {
                        WorkerProtocol.writeOrientation(out, engine.detectOrientation(req.image(), req.options().dpi()));
                    }
                } catch (OcrException e) {
                    WorkerProtocol.writeError(out, e.kind(), e.getMessage());
                } catch (OutOfMemoryError e) {
                    WorkerProtocol.writeError(out, OcrException.Kind.FAILED, "OCR worker ran out of memory on this image");
                } catch (RuntimeException e) {
                    WorkerProtocol.writeError(out, OcrException.Kind.FAILED, "OCR failed: " + e);
                }
            }
        } finally {
            engine.close();
        }
        System.exit(0);
    }
}
