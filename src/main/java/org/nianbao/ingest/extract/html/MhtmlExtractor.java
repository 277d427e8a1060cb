package org.nianbao.ingest.extract.html;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.extract.InputBytes;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Extractor;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.sniff.Source;

/**
 * Web archives ({@code .mht}/{@code .mhtml}): the page part is found in the MIME structure
 * ({@link MhtmlArchive}), decoded with its part charset (which wins over the page's own meta: browsers
 * re-encode the page when they save it), and read like an HTML page; images resolve to other parts.
 */
public final class MhtmlExtractor implements Extractor {
    /** The page part of an archive, decoded; bigger pages are cut here (with a warning). */
    static final long MAX_PAGE_BYTES = 256L * 1024 * 1024;

    @Override
    public boolean accepts(SourceKind kind) {
        return kind == SourceKind.MHTML;
    }

    @Override
    public Document extract(Source source, Context ctx) throws InputException {
        byte[] bytes = InputBytes.read(source);
        MhtmlArchive archive = MhtmlArchive.parse(bytes);
        MhtmlArchive.Part root = archive.root();
        byte[] page = root.decode(MAX_PAGE_BYTES + 1);
        List<Warning> warnings = new ArrayList<>();
        if (page.length > MAX_PAGE_BYTES) {
            warnings.add(Warning.of("page-truncated", "the page part is larger than " + MAX_PAGE_BYTES + " bytes; the rest was not read"));
        }
        if (!archive.complete()) {
            warnings.add(Warning.of("mhtml-truncated", "the archive ends without its closing MIME boundary; it may be incomplete"));
        }
        String declared = root.charset();
        if (declared == null || declared.isBlank()) declared = DeclaredCharset.find(page);
        var decoded = WebCapture.decode(page, declared);
        return WebCapture.toDocument(source, SourceKind.MHTML, decoded, declared, root.location(),
                new MhtmlImageResolver(archive, root.location()), warnings, archive.subject());
    }
}
