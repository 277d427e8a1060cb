package org.nianbao.ingest.table.pdf;

import org.nianbao.ingest.ocr.OcrException;

/**
 * What reading one page's tables piece by piece may spend: a number of engine readings, and a wall-clock
 * backstop.
 *
 * <p>Why readings and not time: with a time budget, the same page read on a loaded machine ran out of time
 * part-way through its cells and kept the page reading for the rest, so the same input gave different
 * tables from run to run. A count of readings ends at the same cell on every machine. The wall clock
 * stays only as a backstop for an engine gone slow, set well above what a loaded machine needs.
 *
 * <p>Not thread-safe: one page's tables are read on one thread.
 */
public final class ReadingBudget {
    private int readingsLeft;
    private final long wallDeadline;
    private boolean ranOutOfTime;

    private ReadingBudget(int readings, long wallDeadline) {
        this.readingsLeft = readings;
        this.wallDeadline = wallDeadline;
    }

    /** A budget of {@code readings} engine readings within {@code wallMillis} from now. */
    public static ReadingBudget of(int readings, long wallMillis) {
        long now = System.currentTimeMillis();
        return new ReadingBudget(readings, wallMillis >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + wallMillis);
    }

    /** No limit: for callers that bound the work themselves (tests, small fixed reads). */
    public static ReadingBudget unlimited() {
        return new ReadingBudget(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** True once no reading may be made any more. */
    public boolean spent() {
        if (readingsLeft <= 0) return true;
        if (System.currentTimeMillis() > wallDeadline) {
            ranOutOfTime = true;
            return true;
        }
        return false;
    }

    /** True when the wall-clock backstop, not the count, ended the reading (the result then depends on the load). */
    public boolean ranOutOfTime() {
        return ranOutOfTime;
    }

    /**
     * Takes one reading from the budget, and returns the time the reading may take at most
     * ({@code perReadingMillis} or what is left of the backstop).
     *
     * @throws OcrException (timeout) when the budget is spent
     */
    long take(long perReadingMillis) throws OcrException {
        if (spent()) throw new OcrException(OcrException.Kind.TIMEOUT, "the page's budget for reading its tables piece by piece is spent");
        readingsLeft--;
        return wallDeadline == Long.MAX_VALUE ? perReadingMillis
                : Math.max(1, Math.min(perReadingMillis, wallDeadline - System.currentTimeMillis()));
    }

    /** Readings left, for tests and notes. */
    int readingsLeft() {
        return readingsLeft;
    }
}
