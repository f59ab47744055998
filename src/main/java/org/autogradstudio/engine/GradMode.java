package org.autogradstudio.engine;

/**
 * Whether operations are recorded for autograd ({@code torch.no_grad()}, {@code torch.enable_grad()}).
 * Thread-local as in PyTorch, so a script thread and the UI thread never disturb each other.
 * <p>
 * Every operation asks, so the cell of the thread that asked last is kept in a plain field: a
 * thread finds its own cell there with one comparison instead of a ThreadLocal look-up (which costs
 * a hash probe and a weak-reference check, and is a measurable share of a small-tensor training
 * loop while the JIT warms up). The field is racy by design: a thread only ever reads or writes the
 * mode in a cell whose final {@code owner} is itself, and any other cell it sees sends it to the
 * ThreadLocal.
 */
public final class GradMode {
    /** One thread's mode, written only by that thread. */
    private static final class Cell {
        final Thread owner;
        boolean enabled = true;

        Cell(Thread owner) {
            this.owner = owner;
        }
    }

    private static final ThreadLocal<Cell> CELLS = ThreadLocal.withInitial(() -> new Cell(Thread.currentThread()));
    /** The cell of the thread that looked last. */
    private static Cell last;

    private GradMode() {
    }

    private static Cell cell() {
        Cell c = last;
        if (c == null || c.owner != Thread.currentThread()) {
            c = CELLS.get();
            last = c;
        }
        return c;
    }

    public static boolean isEnabled() {
        return cell().enabled;
    }

    /** Sets the mode and returns the previous one, so callers can restore it in {@code finally}. */
    public static boolean set(boolean enabled) {
        Cell c = cell();
        boolean previous = c.enabled;
        c.enabled = enabled;
        return previous;
    }
}
