package io.appmesh.operator.reconciler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Per-resource exponential delays before a failed or gated pass runs again (upstream relies on controller-runtime's
 * rate-limited requeue: 5 ms … 1000 s per item). A pass waiting for a dependency is also re-triggered as soon as the
 * dependency becomes Active, so its delay only bounds how long a missed trigger can cost; a pass that failed doubles
 * its delay up to five minutes, so a broken input never turns into a busy loop. Success forgets the history.
 */
@ApplicationScoped
public class Backoff {

    static final Duration WAITING_FIRST = Duration.ofSeconds(1);
    static final Duration WAITING_MAX = Duration.ofSeconds(30);
    static final Duration FAILED_FIRST = Duration.ofSeconds(2);
    static final Duration FAILED_MAX = Duration.ofMinutes(5);

    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    public Duration next(HasMetadata resource, boolean waiting) {
        int n = attempts.merge(key(resource), 1, Integer::sum);
        Duration first = waiting ? WAITING_FIRST : FAILED_FIRST;
        Duration max = waiting ? WAITING_MAX : FAILED_MAX;
        Duration delay = first.multipliedBy(1L << Math.min(n - 1, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public void reset(HasMetadata resource) {
        attempts.remove(key(resource));
    }

    private static String key(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getUid();
    }
}
