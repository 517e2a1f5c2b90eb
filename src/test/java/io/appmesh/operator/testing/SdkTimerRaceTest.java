package io.appmesh.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class SdkTimerRaceTest {

    private static final StackTraceElement SCHEDULE_ONCE = new StackTraceElement(
            "io.javaoperatorsdk.operator.processing.event.source.timer.TimerEventSource", "scheduleOnce",
            "TimerEventSource.java", 46);

    @Test
    void onlyTheSdkTimerRaceIsRecognised() {
        assertThat(SdkTimerRace.isRace(race())).isTrue();
        IllegalStateException elsewhere = new IllegalStateException("Task already scheduled or cancelled");
        assertThat(SdkTimerRace.isRace(elsewhere)).as("same message, thrown elsewhere").isFalse();
        IllegalStateException other = new IllegalStateException("Timer already cancelled.");
        other.setStackTrace(new StackTraceElement[]{SCHEDULE_ONCE});
        assertThat(SdkTimerRace.isRace(other)).as("another failure of scheduleOnce").isFalse();
    }

    @Test
    void theRaceOnAnotherThreadDoesNotFailAWait() {
        AtomicBoolean thrown = new AtomicBoolean();
        throwOnAnotherThread(race(), thrown);
        await().atMost(Duration.ofSeconds(10)).untilTrue(thrown);
    }

    @Test
    void anyOtherUncaughtExceptionStillFailsAWait() {
        AtomicBoolean never = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            sleep();
            throw new IllegalStateException("Task already scheduled or cancelled");
        });
        thread.start();
        assertThatThrownBy(() -> await().atMost(Duration.ofSeconds(10)).untilTrue(never))
                .isInstanceOf(IllegalStateException.class).hasMessage("Task already scheduled or cancelled");
    }

    private static IllegalStateException race() {
        IllegalStateException e = new IllegalStateException("Task already scheduled or cancelled");
        e.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("java.util.Timer", "sched", "Timer.java", 398), SCHEDULE_ONCE});
        return e;
    }

    private static void throwOnAnotherThread(RuntimeException e, AtomicBoolean thrown) {
        Thread thread = new Thread(() -> {
            sleep();
            try {
                throw e;
            } finally {
                thrown.set(true);
            }
        });
        thread.start();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
