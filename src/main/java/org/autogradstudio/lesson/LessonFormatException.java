package org.autogradstudio.lesson;

/** A lesson file that cannot be read: names the file and the line, so the learner can fix it. */
public final class LessonFormatException extends Exception {
    private final String file;
    private final int line;

    public LessonFormatException(String file, int line, String message) {
        super(file + ", line " + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
