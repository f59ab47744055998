package org.autogradstudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Grad mode is per thread, also while two threads take turns asking (the fast path's cached cell). */
class GradModeTest {
    @Test
    void eachThreadKeepsItsOwnModeWhileTheyTakeTurns() throws Exception {
        CyclicBarrier turn = new CyclicBarrier(2);
        AtomicInteger wrong = new AtomicInteger();
        Runnable disabler = () -> {
            boolean previous = GradMode.set(false);
            try {
                for (int i = 0; i < 2000; i++) {
                    turn.await();
                    if (GradMode.isEnabled()) {
                        wrong.incrementAndGet();
                    }
                    // a recorded op on this thread records nothing
                    if (Tensor.scalar(1, DType.FLOAT32).requiresGrad_(true).mul(2.0).gradFn() != null) {
                        wrong.incrementAndGet();
                    }
                }
            } catch (Exception e) {
                wrong.addAndGet(1_000_000);
            } finally {
                GradMode.set(previous);
            }
        };
        Thread other = new Thread(disabler);
        other.start();
        for (int i = 0; i < 2000; i++) {
            turn.await();
            if (!GradMode.isEnabled()) {
                wrong.incrementAndGet();
            }
            if (Tensor.scalar(1, DType.FLOAT32).requiresGrad_(true).mul(2.0).gradFn() == null) {
                wrong.incrementAndGet();
            }
        }
        other.join();
        assertEquals(0, wrong.get());
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void setReturnsThePreviousModeToRestore() {
        boolean before = GradMode.set(false);
        assertTrue(before);
        assertFalse(GradMode.set(true));
        assertTrue(GradMode.isEnabled());
    }
}
