package org.autogradstudio.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Jupyter {@code .ipynb}: code and markdown cells become a lesson; outputs are ignored and
 * nothing in the file is executed. Malformed JSON or cells are reported with the file and line.
 */
public final class NotebookImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotebookImport() {
    }

    public static Lesson read(String name, String text) throws LessonFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new LessonFormatException(name, at == null ? 1 : Math.max(1, at.getLineNr()),
                    "not a valid notebook (JSON): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("cells").isArray()) {
            throw new LessonFormatException(name, 1, "not a Jupyter notebook: no \"cells\" list");
        }
        List<Cell> cells = new ArrayList<>();
        int index = 0;
        for (JsonNode cell : root.get("cells")) {
            index++;
            String type = cell.path("cell_type").asText("");
            JsonNode source = cell.get("source");
            if (source == null || !(source.isArray() || source.isTextual())) {
                throw new LessonFormatException(name, lineOf(text, index), "cell " + index + " has no \"source\" text");
            }
            String body = source.isTextual() ? source.asText() : joined(source);
            body = body.replaceAll("\\s+$", "");
            if (type.equals("code")) {
                cells.add(new Cell(Cell.Kind.CODE, stripMagics(body), 0));
            } else if (type.equals("markdown")) {
                cells.add(new Cell(Cell.Kind.MARKDOWN, body, 0));
            } else if (!type.equals("raw")) {
                throw new LessonFormatException(name, lineOf(text, index), "cell " + index + " has unknown cell_type \"" + type + "\"");
            }
        }
        Lesson lesson = new Lesson(name.replaceFirst("\\.ipynb$", ".py"), PercentFormat.titleOf(name, cells), cells);
        // Give cells the line numbers they will have in the percent-format file we save.
        return PercentFormat.read(lesson.name(), PercentFormat.write(lesson));
    }

    private static String joined(JsonNode lines) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode l : lines) {
            sb.append(l.asText());
        }
        return sb.toString();
    }

    /** IPython magics ({@code %matplotlib}, {@code !pip}) are not Python; keep them visible as comments. */
    private static String stripMagics(String code) {
        StringBuilder out = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String t = line.stripLeading();
            out.append(t.startsWith("%") || t.startsWith("!") ? "# " + line : line).append('\n');
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    /** The line of the {@code n}-th {@code "cell_type"} key, for error messages. */
    private static int lineOf(String text, int n) {
        int line = 1, seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\"cell_type\"", i) && ++seen == n) {
                return line;
            }
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return 1;
    }
}
