package org.nianbao.ingest.eval.gen;

/**
 * One paragraph of report text as the truth knows it.
 *
 * @param leadLength the number of leading characters that form an inline sub-heading (e.g.
 *                   {@code （一）主动公开方面。}), set in a different face by renderers; 0 when none
 */
public record Para(String text, ParaKind kind, int leadLength) {
    public static Para of(String text, ParaKind kind) {
        return new Para(text, kind, 0);
    }
}
