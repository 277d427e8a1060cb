package org.nianbao.ingest.model;

import java.util.List;

/** A visual line of text with its box, confidence (0..100) and words; words may be empty. */
public record Line(String text, Box box, double confidence, List<Word> words) {
    public Line {
        words = words == null ? List.of() : List.copyOf(words);
    }
}
