package org.nianbao.ingest.eval.gen;

import java.util.List;

/**
 * A part of the report in reading order.
 *
 * @param key        {@code title}, {@code intro}, {@code 一} … {@code 六}, {@code closing}
 * @param heading    the section heading, or null for title, intro and closing
 * @param paragraphs the text after the heading
 * @param tableId    the standard table that follows the paragraphs ({@code 二}, {@code 三}, {@code 四}), or null
 */
public record Section(String key, Para heading, List<Para> paragraphs, String tableId) {
    public Section {
        paragraphs = List.copyOf(paragraphs);
    }
}
