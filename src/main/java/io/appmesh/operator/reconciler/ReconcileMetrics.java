package io.appmesh.operator.reconciler;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * controller-runtime's reconcile metrics under their upstream names, so dashboards and alerts
 * written for the original controller keep working: {@code controller_runtime_reconcile_total{controller,result}}
 * ({@code success}, {@code error}, {@code requeue}), {@code controller_runtime_reconcile_errors_total{controller}} and
 * {@code controller_runtime_reconcile_time_seconds{controller}}.
 */
@ApplicationScoped
public class ReconcileMetrics {

    public enum Result {
        SUCCESS, ERROR, REQUEUE
    }

    private final MeterRegistry registry;

    public ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T time(String controller, Supplier<T> pass) {
        long start = System.nanoTime();
        try {
            return pass.get();
        } finally {
            Timer.builder("controller_runtime_reconcile_time_seconds").tag("controller", controller)
                    .publishPercentileHistogram().register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    public void record(String controller, Result result) {
        Counter.builder("controller_runtime_reconcile_total").tag("controller", controller)
                .tag("result", result.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
        if (result == Result.ERROR) {
            Counter.builder("controller_runtime_reconcile_errors_total").tag("controller", controller)
                    .register(registry).increment();
        }
    }
}
