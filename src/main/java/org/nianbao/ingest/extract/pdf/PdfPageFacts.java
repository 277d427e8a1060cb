package org.nianbao.ingest.extract.pdf;

/**
 * What one pass over a page found, the evidence for the triage decision.
 *
 * @param glyphsShown     glyphs drawn by text operators
 * @param unmapped        glyphs without a Unicode mapping
 * @param chars           characters of text extracted (no whitespace)
 * @param invisibleChars  of those, drawn invisibly (text render mode 3: an OCR'd scan's hidden layer)
 * @param privateUse      private-use characters (U+E000–U+F8FF) and replacement characters
 * @param kangxi          Kangxi radicals (U+2F00–U+2FDF) and CJK radical supplements (U+2E80–U+2EFF)
 * @param han             Han characters
 * @param plausibility    {@link org.nianbao.ingest.util.TextPlausibility} score of the text, 0..1
 * @param imageCoverage   share of the page area covered by images, 0..1
 * @param images          images drawn
 * @param pathSegments    vector path segments drawn (lines, curves)
 * @param curves          of those, curves (text converted to outlines is mostly curves)
 */
public record PdfPageFacts(int glyphsShown, int unmapped, int chars, int invisibleChars, int privateUse, int kangxi,
                           int han, double plausibility, double imageCoverage, int images, long pathSegments, long curves) {
}
