package org.autogradstudio.engine;

import java.util.function.Supplier;

/** Runs a computation with recording off, restoring the previous grad mode afterwards. */
final class GradModeScope {
    private GradModeScope() {
    }

    static <T> T withoutGrad(Supplier<T> body) {
        boolean previous = GradMode.set(false);
        try {
            return body.get();
        } finally {
            GradMode.set(previous);
        }
    }
}
