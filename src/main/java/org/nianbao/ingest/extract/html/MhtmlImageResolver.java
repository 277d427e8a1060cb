package org.nianbao.ingest.extract.html;

/** Resolves images of an MHTML page to the archive's parts, by Content-Location or Content-ID. */
final class MhtmlImageResolver implements ImageResolver {
    private final MhtmlArchive archive;
    private final String base;

    MhtmlImageResolver(MhtmlArchive archive, String base) {
        this.archive = archive;
        this.base = base;
    }

    @Override
    public String resolve(String src) {
        if (src == null || src.isBlank()) return null;
        if (ImageRefs.isDataUri(src.strip())) return "data-uri";
        MhtmlArchive.Part p = archive.find(src.strip(), base);
        if (p == null || p.reference() == null) return null;
        return "mhtml-part:" + p.reference();
    }
}
