package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

class WorkerProtocolTest {
    @Test
    void requestsAndResultsSurviveTheTrip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        GrayImage img = new GrayImage(3, 2, new byte[]{1, 2, 3, 4, 5, 6});
        WorkerProtocol.writeRequest(out, new WorkerProtocol.Request(WorkerProtocol.OP_READ, OcrMode.DIGITS,
                new OcrOptions(200, OcrScript.TRADITIONAL, 1234), new Rectangle(1, 0, 2, 2), img));
        Line l = new Line("政府信息 12", new Box(1, 2, 3, 4), 91.5, List.of(new Word("政府信息", new Box(1, 2, 2, 4), 90), new Word("12", new Box(3, 2, 1, 4), 95)));
        WorkerProtocol.writeResult(out, new OcrResult(List.of(new OcrResult.Paragraph(List.of(l))), 91.5, 42));
        WorkerProtocol.writeError(out, OcrException.Kind.TIMEOUT, "too slow");

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        WorkerProtocol.Request r = WorkerProtocol.readRequest(in, 1000);
        assertEquals(OcrMode.DIGITS, r.mode());
        assertEquals(OcrScript.TRADITIONAL, r.options().script());
        assertEquals(200, r.options().dpi());
        assertEquals(1234, r.options().timeoutMillis());
        assertEquals(new Rectangle(1, 0, 2, 2), r.region());
        assertArrayEquals(img.pixels(), r.image().pixels());
        WorkerProtocol.readStatus(in);
        OcrResult back = WorkerProtocol.readResult(in);
        assertEquals(l, back.lines().get(0));
        assertEquals(42, back.millis());
        OcrException e = assertThrows(OcrException.class, () -> WorkerProtocol.readStatus(in));
        assertEquals(OcrException.Kind.TIMEOUT, e.kind());
        assertEquals("too slow", e.getMessage());
        assertNull(WorkerProtocol.readRequest(in, 1000)); // end of stream: the parent went away
    }

    @Test
    void garbageOnTheStreamIsDetected() {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream("Warning: something printed\n".getBytes()));
        assertThrows(IOException.class, () -> WorkerProtocol.readStatus(in));
    }

    @Test
    void oversizedImagesAreRejectedBeforeAllocation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkerProtocol.writeRequest(new DataOutputStream(bytes), new WorkerProtocol.Request(WorkerProtocol.OP_READ, OcrMode.PAGE,
                OcrOptions.defaults(), null, new GrayImage(100, 100, new byte[10_000])));
        assertThrows(IOException.class, () -> WorkerProtocol.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 5000));
    }

    @Test
    void boxesMapBackThroughTurnsAndSkew() {
        // a page turned 180 degrees: 100x50 image, box at the top-left of the turned image is bottom-right on the page
        AffineTransform back = new AffineTransform();
        back.translate(100, 50);
        back.quadrantRotate(2);
        Box b = PageReader.map(new Box(0, 0, 10, 5), back);
        assertEquals(90, b.x(), 1e-9);
        assertEquals(45, b.y(), 1e-9);
        assertEquals(10, b.width(), 1e-9);
        // a small rotation keeps the box's size around its mapped centre
        Box r = PageReader.map(new Box(40, 20, 20, 10), AffineTransform.getRotateInstance(Math.toRadians(2), 50, 25));
        assertEquals(20, r.width(), 1e-6);
        assertEquals(10, r.height(), 1e-6);
        assertEquals(50, r.x() + r.width() / 2, 1e-6);
    }
}
