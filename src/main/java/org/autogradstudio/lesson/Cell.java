package org.autogradstudio.lesson;

/**
 * One cell of a lesson: code or markdown, its source (markdown without the {@code # } comment
 * prefixes), and the 1-based line of the file where the source starts, so errors point into the file.
 */
public record Cell(Kind kind, String source, int firstLine) {
    public enum Kind { CODE, MARKDOWN }

    public boolean isCode() {
        return kind == Kind.CODE;
    }

    public Cell withSource(String newSource) {
        return new Cell(kind, newSource, firstLine);
    }
}
