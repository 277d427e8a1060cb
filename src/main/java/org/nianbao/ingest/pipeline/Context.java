package org.nianbao.ingest.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What stages share for a run: settings, limits, and lazily created services (the OCR engine pool,
 * the script converter) that are expensive to build and must be built once.
 */
public final class Context {
    private final Settings settings;
    private final Limits limits;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    public Context(Settings settings, Limits limits) {
        this.settings = settings;
        this.limits = limits;
    }

    public static Context defaults() {
        return new Context(Settings.defaults(), Limits.defaults());
    }

    public Settings settings() { return settings; }

    public Limits limits() { return limits; }

    /** The shared instance of a service, created on first use. */
    public <T> T service(Class<T> type, Supplier<T> factory) {
        return type.cast(services.computeIfAbsent(type, k -> factory.get()));
    }
}
