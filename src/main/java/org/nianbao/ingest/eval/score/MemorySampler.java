package org.nianbao.ingest.eval.score;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples used JVM heap every few milliseconds and keeps, for every form being processed, the
 * highest value seen while it ran (with several jobs the figure covers everything running at once).
 * The process peak resident size comes from {@code VmHWM} in /proc/self/status.
 */
public final class MemorySampler implements AutoCloseable {
    private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    private final Map<String, Integer> active = new ConcurrentHashMap<>();
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile long overallPeak;
    private final Thread thread;

    public MemorySampler() {
        thread = new Thread(this::loop, "eval-memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long used = bean.getHeapMemoryUsage().getUsed();
        if (used > overallPeak) overallPeak = used;
        for (String form : active.keySet()) peaks.merge(form, used, Math::max);
    }

    public void start(String form) {
        active.merge(form, 1, Integer::sum);
        sample();
    }

    public void end(String form) {
        sample();
        active.computeIfPresent(form, (k, v) -> v <= 1 ? null : v - 1);
    }

    public long peak(String form) {
        return peaks.getOrDefault(form, 0L);
    }

    public long overallPeak() {
        return overallPeak;
    }

    /** Peak resident set size of this process in kB, or -1 where /proc is not available. */
    public static long vmHwmKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
