package org.autogradstudio.engine;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes whose graphs are drawn or derived, as a session's are: during each test their
 * nodes keep inputs and outputs ({@link GraphValues#setKept}), and the thread's mode is restored
 * afterwards. Use with {@code @ExtendWith(KeepGraphValues.class)}.
 */
public final class KeepGraphValues implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeepGraphValues.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", GraphValues.setKept(true));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        GraphValues.setKept(context.getStore(NAMESPACE).get("before", Boolean.class));
    }
}
