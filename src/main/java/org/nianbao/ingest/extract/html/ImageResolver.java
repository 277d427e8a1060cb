package org.nianbao.ingest.extract.html;

/**
 * Finds where the bytes of an image referenced by a page are in the capture. Returns the value of
 * {@code ImageBlock.resolved}: a file path, {@code mhtml-part:<reference>}, {@code data-uri}, or null
 * when the capture does not hold the image.
 */
interface ImageResolver {
    String resolve(String src);

    /** A resolver for pages that have nothing saved beside them: only data: URIs resolve. */
    ImageResolver NONE = src -> ImageRefs.isDataUri(src) ? "data-uri" : null;
}
