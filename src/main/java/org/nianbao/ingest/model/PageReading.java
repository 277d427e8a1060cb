package org.nianbao.ingest.model;

/**
 * How a page was read and why: the per-page triage decision (Tika-style).
 *
 * @param method how the page's text was obtained
 * @param reason why, e.g. "text layer: 812 chars, 0 unmapped glyphs" or "no text layer"
 */
public record PageReading(Method method, String reason) { }
