package org.autogradstudio.engine;

/**
 * An error the engine reports to the learner, carrying the Python exception type PyTorch raises
 * ({@code RuntimeError}, {@code IndexError}, {@code TypeError}, {@code ValueError}) and its exact message.
 */
public class TorchException extends RuntimeException {
    private final String pythonType;

    public TorchException(String pythonType, String message) {
        super(message, null, false, false);
        this.pythonType = pythonType;
    }

    public static TorchException runtime(String message) {
        return new TorchException("RuntimeError", message);
    }

    /** The Python exception class name, e.g. {@code RuntimeError}. */
    public String pythonType() {
        return pythonType;
    }
}
