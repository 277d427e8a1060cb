package org.nianbao.ingest.extract.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.nianbao.ingest.extract.text.TextCaptureExtractor;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.sniff.Source;
import org.nianbao.ingest.util.TextDecoder;

/** Shared by the HTML and MHTML extractors: decoded page text → the document model, with warnings and status. */
final class WebCapture {
    private WebCapture() { }

    /** Decodes page bytes: BOM, then the declaration (checked against the bytes), then detection. */
    static TextDecoder.Decoded decode(byte[] page, String declared) {
        return TextDecoder.decode(page, declared);
    }

    /** Parses decoded page text; the same call is used when images are looked up again, so numbering matches. */
    static org.jsoup.nodes.Document parse(String html, String baseUri) {
        return Jsoup.parse(html, baseUri == null ? "" : baseUri);
    }

    static Document toDocument(Source source, SourceKind kind, TextDecoder.Decoded decoded, String declared, String baseUri,
                               ImageResolver resolver, List<Warning> extraWarnings, String fallbackTitle) throws InputException {
        List<Warning> warnings = new ArrayList<>(extraWarnings);
        charsetWarnings(decoded, declared, warnings);
        Map<String, String> meta = new HashMap<>();
        if (declared != null) meta.put("declared-charset", declared);

        List<Block> blocks;
        WebPageReader.Result result = null;
        String title = null;
        try {
            org.jsoup.nodes.Document dom = parse(decoded.text(), baseUri);
            title = dom.title().strip();
            result = WebPageReader.read(dom, kind, resolver);
            blocks = result.blocks();
        } catch (StackOverflowError e) {
            // Some library path recursed on absurdly deep markup: keep the text, lose the structure.
            blocks = plainTextFallback(decoded.text(), kind);
            warnings.add(Warning.of("html-structure-lost", "the markup is nested too deeply to lay out; the page was read as plain text"));
        }
        // The report's own title line beats <title>, which usually carries the site name too
        for (Block b : blocks) {
            if (b instanceof HeadingBlock h && h.level() == 1) {
                title = h.text();
                break;
            }
        }
        if (title == null || title.isEmpty()) title = fallbackTitle;
        if (title != null && !title.isBlank()) meta.put("title", title.strip());

        List<String> partial = new ArrayList<>();
        if (decoded.lossy()) partial.add("some bytes could not be decoded as " + decoded.charset());
        if (result != null) {
            if (result.chromeTotal() > 0) warnings.add(Warning.of("chrome-removed", chromeMessage(result)));
            if (result.missingImages() > 0) {
                warnings.add(Warning.of("image-missing", result.missingImages() + " of " + result.images()
                        + " image(s) in the content are not in the capture"));
                partial.add(result.missingImages() + " of " + result.images() + " image(s) are missing from the capture");
            }
        }
        if (blocks.isEmpty()) {
            throw new InputException("the web page has no text or images in its content (it may be a frameset, a redirect, or built by scripts)");
        }
        String reading = (kind == SourceKind.MHTML ? "MHTML web archive" : "web page") + " (" + decoded.charset() + ", " + decoded.how() + ")";
        Page page = new Page(1, 0, 0, new PageReading(Method.HTML, reading), blocks, List.of());
        Status status = partial.isEmpty() ? Status.done() : Status.partial(String.join("; ", partial));
        return new Document(source.path().toString(), kind, decoded.charset(), source.sha256(), List.of(page), status,
                warnings, Edits.none(), meta);
    }

    static void charsetWarnings(TextDecoder.Decoded decoded, String declared, List<Warning> warnings) {
        if (decoded.lossy()) {
            warnings.add(Warning.of("charset-lossy", decoded.note()));
        } else if (decoded.note() != null) {
            warnings.add(Warning.of("charset-overruled", decoded.note()));
        } else if (declared == null && !decoded.how().equals("bom")) {
            warnings.add(Warning.of("charset-detected", "the page declares no charset; decoded as " + decoded.charset()
                    + (decoded.how().equals("utf-8") ? " (the bytes are valid UTF-8)" : " (detected from the bytes)")));
        }
    }

    private static String chromeMessage(WebPageReader.Result r) {
        StringBuilder sb = new StringBuilder("removed " + r.chromeTotal() + " site chrome item(s):");
        String sep = " ";
        for (var e : r.chromeRemoved().entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().label);
            sep = ", ";
        }
        return sb.toString();
    }

    /** Tags out, entities decoded, block boundaries as line breaks; then read like a text capture. */
    static List<Block> plainTextFallback(String html, SourceKind kind) {
        StringBuilder sb = new StringBuilder(Math.min(html.length(), 1 << 24));
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                sb.append(c);
                i++;
                continue;
            }
            int close = html.indexOf('>', i);
            if (close < 0) break;
            if (lower.startsWith("script", i + 1) || lower.startsWith("style", i + 1)) {
                int e = lower.indexOf(lower.startsWith("script", i + 1) ? "</script" : "</style", close);
                int gt = e < 0 ? -1 : html.indexOf('>', e);
                close = gt < 0 ? n - 1 : gt;
            }
            sb.append('\n');
            i = close + 1;
        }
        String text = Parser.unescapeEntities(sb.toString(), false);
        List<Block> out = new ArrayList<>();
        for (Block b : TextCaptureExtractor.toBlocks(text, TextCaptureExtractor.defaultDetectors())) {
            Provenance p = new Provenance(kind, 1, Method.HTML, "plain-text fallback");
            if (b instanceof HeadingBlock h) out.add(new HeadingBlock(h.text(), h.level(), p, h.warnings()));
            else if (b instanceof ParagraphBlock pb) out.add(new ParagraphBlock(pb.text(), List.of(), p, pb.warnings()));
            else if (b instanceof TableBlock t) out.add(new TableBlock(t.table(), t.origin(), t.confidence(), null, p, t.warnings()));
        }
        return out;
    }
}
