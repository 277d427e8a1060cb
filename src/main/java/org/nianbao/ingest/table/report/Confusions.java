package org.nianbao.ingest.table.report;

/**
 * The characters OCR puts where a digit was printed ({@code O} for 0, {@code l} for 1, {@code S} for
 * 5 …). Used only to offer one more reading of an OCR cell that did not read as a number; the identities
 * decide whether that reading is taken.
 */
final class Confusions {
    private Confusions() { }

    /** The text with confusable characters replaced by digits, or null when it is no misread number. */
    static String asDigits(String text) {
        if (text == null || !CellStream.looksLikeMisreadNumber(text)) return null;
        StringBuilder sb = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            char d = switch (c) {
                case 'O', 'o', 'Ｏ', '@' -> '0'; // @: a 0 with a speck in its hole
                case 'l', 'I', '|', '!' -> '1';
                case 'S' -> '5';
                case 'Z' -> '2';
                case 'B' -> '8';
                case 'G' -> '6';
                case 'g', 'q' -> '9';
                case ',', '.', '\'', '`' -> 0;
                default -> c;
            };
            if (d != 0) sb.append(d);
        }
        String s = sb.toString();
        return s.isEmpty() || s.equals(text.strip()) || !NumberCell.isNumber(s) ? null : s;
    }
}
