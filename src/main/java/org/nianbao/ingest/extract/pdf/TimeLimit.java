package org.nianbao.ingest.extract.pdf;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Java work (parsing or rendering one page) under a time limit, on a thread of its own. Java
 * cannot kill a thread safely, and PDFBox does not look at interrupts, so a runaway page is handled
 * in three steps: the caller stops waiting and fails the page; the thread is interrupted; and if it
 * is still running a second later it is stopped with {@code Thread.stop} where the JVM still allows
 * it (Java 17). Whatever the thread was working on (the page's PDDocument) must be abandoned by the
 * caller; the rest of the batch goes on.
 */
public final class TimeLimit {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private TimeLimit() { }

    /** Thrown when the work did not finish in time; the work's thread has been told to stop. */
    public static final class Exceeded extends Exception {
        public Exceeded(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code work}; returns its result, rethrows what it threw, or throws {@link Exceeded} after
     * {@code millis} (0 = no limit).
     */
    public static <T> T run(String name, long millis, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, name + "-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        t.start();
        try {
            return millis > 0 ? task.get(millis, TimeUnit.MILLISECONDS) : task.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) throw ex;
            if (c instanceof Error err) throw err;
            throw e;
        } catch (TimeoutException e) {
            task.cancel(true);
            stopLater(t);
            throw new Exceeded(name + " took longer than the limit of " + millis / 1000.0 + " s");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    @SuppressWarnings({"removal", "deprecation"})
    private static void stopLater(Thread t) {
        Thread reaper = new Thread(() -> {
            try {
                t.join(1000);
                if (t.isAlive()) t.stop();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            } catch (UnsupportedOperationException | SecurityException ignored) {
                // newer JVMs cannot stop threads: the thread is left to finish on its own
            }
        }, "time-limit-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }
}
