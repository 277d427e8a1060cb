package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InkPiecesTest {
    private static boolean[] mask(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) for (int x = 0; x < w; x++) m[y * w + x] = rows[y].charAt(x) == '#';
        return m;
    }

    @Test
    void piecesAreEightConnectedWithTheirBoxesInRowOrder() {
        boolean[] m = mask(
                "#...##",
                ".#....",
                "..#..#",
                "......");
        List<InkPieces.Piece> found = new ArrayList<>();
        InkPieces.each(m, 6, 4, found::add);
        assertEquals(3, found.size(), "a diagonal is one piece; the two on the right are apart");
        InkPieces.Piece diagonal = found.get(0);
        assertEquals(3, diagonal.size());
        assertArrayEquals(new int[]{0, 0, 2, 2}, new int[]{diagonal.x0(), diagonal.y0(), diagonal.x1(), diagonal.y1()});
        int[] px = diagonal.pixels().clone();
        Arrays.sort(px);
        assertArrayEquals(new int[]{0, 7, 14}, px);
        assertEquals(2, found.get(1).width());
        assertEquals(1, found.get(1).height());
        assertEquals(17, found.get(2).pixels()[0]);
    }

    @Test
    void aPieceClearedFromTheMaskWhileWalkingDoesNotDisturbTheRest() {
        boolean[] m = mask("##.#", "....", "#..#");
        List<Integer> sizes = new ArrayList<>();
        InkPieces.each(m, 4, 3, p -> {
            sizes.add(p.size());
            for (int k : p.pixels()) m[k] = false;
        });
        assertEquals(List.of(2, 1, 1, 1), sizes);
        for (boolean b : m) assertEquals(false, b);
    }

    @Test
    void aLargePieceGrowsItsBuffers() {
        boolean[] m = new boolean[100 * 100];
        Arrays.fill(m, true);
        List<InkPieces.Piece> found = new ArrayList<>();
        InkPieces.each(m, 100, 100, found::add);
        assertEquals(1, found.size());
        assertEquals(10_000, found.get(0).size());
    }
}
