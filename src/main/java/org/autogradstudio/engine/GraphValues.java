package org.autogradstudio.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether recorded nodes keep their forward inputs and output for display. The code that draws
 * graphs or derives the chain rule from them (a lesson session: the studio, the {@code graph},
 * {@code trace} and {@code check} commands) turns it on; plain runs leave it off, and then a node of
 * a 0-d elementwise op keeps only what its backward needs, as PyTorch does: the saved values as
 * numbers, not the tensors. The intermediate tensors of a long scalar chain then die young instead
 * of doubling what the collector has to copy until backward.
 * <p>
 * Inheritable, because an interpreter runs each cell on a fresh worker thread made by the caller.
 */
public final class GraphValues {
    private static final int OFF = 0;
    /** Turned on by this thread: counted in {@link #KEEPING}. */
    private static final int ON = 1;
    /** Inherited from the thread that started this one: not counted. */
    private static final int INHERITED = 2;
    private static final InheritableThreadLocal<Integer> STATE = new InheritableThreadLocal<>() {
        @Override
        protected Integer initialValue() {
            return OFF;
        }

        @Override
        protected Integer childValue(Integer parent) {
            return parent == OFF ? OFF : INHERITED;
        }
    };
    /**
     * How many threads have turned the mode on and not yet off: while none has, every node is
     * recorded lean without the thread-local look-up. A thread that inherited the mode keeps it
     * while some thread has it on (a cell's worker while its cell runs).
     */
    private static final AtomicInteger KEEPING = new AtomicInteger();

    private GraphValues() {
    }

    /** Whether nodes recorded on this thread keep their inputs and output ({@link Node#inputs()}, {@link Node#output()}). */
    public static boolean kept() {
        return KEEPING.get() > 0 && STATE.get() != OFF;
    }

    /** Sets the mode for this thread (and threads it starts afterwards); returns the previous one, to restore. */
    public static boolean setKept(boolean keep) {
        int state = STATE.get();
        boolean previous = state != OFF && KEEPING.get() > 0;
        if (keep && state == OFF) {
            STATE.set(ON);
            KEEPING.incrementAndGet();
        } else if (!keep && state != OFF) {
            STATE.set(OFF);
            if (state == ON) {
                KEEPING.decrementAndGet();
            }
        }
        return previous;
    }
}
