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

    /**
     * Digits the engine reads in place of another on noisy scans, as measured on this project's scan
     * sets: a 0 with a blob in its hole read 8 (or 6), a 5 read 3 and back, a 6 read 0 or 5, a 7 read 1.
     */
    private static final java.util.Map<Character, String> DIGIT_SLIPS = java.util.Map.of(
            '8', "03", '6', "058", '0', "86", '3', "58", '5', "36", '1', "7", '7', "1");

    /**
     * Other figures a plain figure may have been, one digit changed for a digit OCR mistakes it for
     * ({@link #DIGIT_SLIPS}), left to right; empty for anything but plain digits (at most 6 of them).
     * Offered to the identity corrector after OCR's own alternatives: the identities decide.
     */
    static java.util.List<String> digitSlips(String text) {
        String t = text == null ? "" : text.strip();
        java.util.List<String> out = new java.util.ArrayList<>();
        if (t.isEmpty() || t.length() > 6 || !t.chars().allMatch(Character::isDigit)) return out;
        for (int i = 0; i < t.length(); i++) {
            String slips = DIGIT_SLIPS.getOrDefault(t.charAt(i), "");
            for (char d : slips.toCharArray()) {
                String s = t.substring(0, i) + d + t.substring(i + 1);
                if (s.length() > 1 && s.charAt(0) == '0') continue; // a figure is not printed with a leading 0
                if (!out.contains(s)) out.add(s);
            }
        }
        return out;
    }
}
