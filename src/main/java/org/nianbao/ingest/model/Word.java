package org.nianbao.ingest.model;

/** A recognised or positioned word; confidence is 0..100 for OCR and 100 for text layers. */
public record Word(String text, Box box, double confidence) { }
