package org.autogradstudio.script.interp;

/**
 * One global variable. Compiled code holds the ref itself, so reading a global is a field read;
 * a null value means unbound (the builtins are consulted next).
 */
final class GlobalRef {
    final String name;
    Object value;
    /** Told of every assignment when the session watches this name (live charts); usually null. */
    java.util.function.BiConsumer<String, Object> watcher;

    GlobalRef(String name) {
        this.name = name;
    }
}
