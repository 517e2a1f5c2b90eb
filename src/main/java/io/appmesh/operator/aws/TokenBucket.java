package io.appmesh.operator.aws;

import java.util.function.LongSupplier;

/**
 * A token bucket with golang.org/x/time/rate semantics (upstream's limiter): {@code rate} tokens per second, at most
 * {@code burst} banked; a caller reserves a token and waits until it is due, so concurrent callers queue fairly.
 */
final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.clock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes a token and returns how long the caller must wait for it, in nanoseconds (0: go now). */
    synchronized long reserve() {
        long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
    }
}
