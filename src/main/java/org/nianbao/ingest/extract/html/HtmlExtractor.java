package org.nianbao.ingest.extract.html;

import java.util.List;
import org.nianbao.ingest.extract.InputBytes;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Extractor;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.sniff.Source;

/**
 * Saved web pages (HTML/XHTML, with their {@code NAME_files/} resource folder): charset from BOM,
 * declaration (verified) or detection; DOM to headings, paragraphs, table grids and images in reading
 * order, with site chrome removed. See {@link WebPageReader}.
 */
public final class HtmlExtractor implements Extractor {
    @Override
    public boolean accepts(SourceKind kind) {
        return kind == SourceKind.HTML;
    }

    @Override
    public Document extract(Source source, Context ctx) throws InputException {
        byte[] bytes = InputBytes.read(source);
        String declared = DeclaredCharset.find(bytes);
        var decoded = WebCapture.decode(bytes, declared);
        bytes = null; // the decoded text is all we need from here on; let a big page's bytes go
        return WebCapture.toDocument(source, SourceKind.HTML, decoded, declared, null,
                new FileImageResolver(source.path()), List.of(), null);
    }
}
