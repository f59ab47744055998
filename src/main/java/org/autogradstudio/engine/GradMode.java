package org.autogradstudio.engine;

/**
 * Whether operations are recorded for autograd ({@code torch.no_grad()}, {@code torch.enable_grad()}).
 * Thread-local as in PyTorch, so a script thread and the UI thread never disturb each other.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Sets the mode and returns the previous one, so callers can restore it in {@code finally}. */
    public static boolean set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = enabled;
        return previous;
    }
}
