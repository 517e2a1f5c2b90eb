package io.appmesh.operator.webhook.admission;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * controller-runtime's webhook metrics, under upstream's names: {@code controller_runtime_webhook_requests_total}
 * {webhook, code}, {@code controller_runtime_webhook_latency_seconds} {webhook} (with p50/p99 as well as the
 * histogram) and {@code controller_runtime_webhook_requests_in_flight} {webhook}. {@code code} is the admission
 * response's code (200, 400, 403), as controller-runtime reports it.
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Timer> latency = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Call when a review arrives; returns the start time to hand to {@link #finished}. */
    public long started(String webhook) {
        inFlight.computeIfAbsent(webhook, w -> registry.gauge("controller_runtime_webhook_requests_in_flight",
                io.micrometer.core.instrument.Tags.of("webhook", w), new AtomicInteger())).incrementAndGet();
        return System.nanoTime();
    }

    /** Records the answered review and returns it. */
    public ObjectNode finished(String webhook, long startNanos, ObjectNode review) {
        long elapsed = System.nanoTime() - startNanos;
        inFlight.get(webhook).decrementAndGet();
        latency.computeIfAbsent(webhook, w -> Timer.builder("controller_runtime_webhook_latency")
                .description("Histogram of the latency of processing admission requests")
                .tag("webhook", w)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1).dividedBy(100))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(Duration.ofNanos(elapsed));
        String code = review.at("/response/status/code").asText("200");
        requests.computeIfAbsent(webhook + "|" + code, k -> Counter.builder("controller_runtime_webhook_requests")
                .description("Total number of admission requests by HTTP status code")
                .tag("webhook", webhook).tag("code", code).register(registry)).increment();
        return review;
    }
}
