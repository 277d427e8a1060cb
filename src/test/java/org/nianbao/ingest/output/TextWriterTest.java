package org.nianbao.ingest.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;

class TextWriterTest {
    static final Provenance P = new Provenance(SourceKind.HTML, 1, Method.HTML, null);

    static Document doc(Block... blocks) {
        return new Document("x.html", SourceKind.HTML, "UTF-8", "0", List.of(new Page(1, 0, 0, null, List.of(blocks), List.of())),
                Status.done(), List.of(), Edits.none(), Map.of());
    }

    @Test
    void tableRowsCarryTheFullColumnCountAndRepeatMergedText() {
        Table t = Table.normalized(2, 4, List.of(
                Cell.of(0, 0, 2, 1, "三、本年度办理结果"),
                Cell.of(0, 1, 1, 2, "（三）不予公开"),
                Cell.of(0, 3, 1, 1, "0"),
                Cell.of(1, 1, 1, 1, "1.属于国家秘密"),
                Cell.of(1, 2, 1, 1, "a|b"))).table();
        String txt = TextWriter.render(doc(
                new HeadingBlock("三、收到和处理政府信息公开申请情况", 2, P, List.of()),
                new TableBlock(t, "html-spans", 1, null, P, List.of()),
                new ParagraphBlock("第一行\n第二行 end\nnext", List.of(), P, List.of())));
        assertEquals("三、收到和处理政府信息公开申请情况\n\n"
                + "三、本年度办理结果 | （三）不予公开 | （三）不予公开 | 0\n"
                + "三、本年度办理结果 | 1.属于国家秘密 | a｜b | \n"
                + "\n"
                + "第一行第二行 end next\n", txt);
    }

    @Test
    void unreadImageLeavesANoteLineAndReadImageItsText() {
        String txt = TextWriter.render(doc(
                new ImageBlock("files/t1.png", "/x/files/t1.png", "", "", false, P, List.of()),
                new ImageBlock("files/t2.png", "/x/files/t2.png", "", "行政许可\n\n0", true, P, List.of())));
        assertEquals("[image: files/t1.png — not read]\n行政许可\n0\n", txt);
    }

    @Test
    void documentEndsWithOneNewlineAndNoDoubleBlankLines() {
        Table t = Table.normalized(1, 1, List.of(Cell.of(0, 0, 1, 1, "x"))).table();
        String txt = TextWriter.render(doc(new TableBlock(t, "tsv", 1, null, P, List.of()), new TableBlock(t, "tsv", 1, null, P, List.of())));
        assertEquals("x\n\nx\n", txt);
    }
}
