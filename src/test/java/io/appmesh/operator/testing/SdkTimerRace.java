package io.appmesh.operator.testing;

import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps one known, harmless operator-SDK race from failing unrelated waits. Awaitility fails an {@code await()} on
 * any uncaught exception of any thread while it waits; the SDK (5.2.1) has a race in its retry timer: the informer
 * thread's {@code onResourceDeleted} cancels the resource's timer task while a reconciler thread, finishing the last
 * pass over the same resource, has put that task in its map but not yet given it to the {@code java.util.Timer}, so
 * {@code Timer.schedule} throws "Task already scheduled or cancelled" on the reconciler thread. The resource is gone
 * (the delete is what cancelled the task), so nothing is lost; only that exact exception, thrown from
 * {@code TimerEventSource.scheduleOnce}, is ignored — every other uncaught exception still fails the wait.
 * Registered for every test class through JUnit's extension auto-detection.
 */
public final class SdkTimerRace implements BeforeAllCallback {

    static final Predicate<Throwable> IS_RACE = SdkTimerRace::isRace;

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.ignoreExceptionsByDefaultMatching(IS_RACE);
    }

    static boolean isRace(Throwable t) {
        if (!(t instanceof IllegalStateException) || !"Task already scheduled or cancelled".equals(t.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().equals("io.javaoperatorsdk.operator.processing.event.source.timer.TimerEventSource")
                    && frame.getMethodName().equals("scheduleOnce")) {
                return true;
            }
        }
        return false;
    }
}
