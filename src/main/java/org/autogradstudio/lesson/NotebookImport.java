package org.autogradstudio.lesson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.autogradstudio.script.IPythonLines;

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
        List<Integer> lines = cellLines(text);
        int index = 0;
        for (JsonNode cell : root.get("cells")) {
            index++;
            int line = index <= lines.size() ? lines.get(index - 1) : 1;
            if (!cell.isObject()) {
                throw new LessonFormatException(name, line, "cell " + index + " is not a JSON object");
            }
            JsonNode typeNode = cell.get("cell_type");
            if (typeNode == null || !typeNode.isTextual()) {
                throw new LessonFormatException(name, line, "cell " + index + " has no \"cell_type\"");
            }
            String type = typeNode.asText();
            JsonNode source = cell.get("source");
            if (source == null || !(source.isArray() || source.isTextual())) {
                throw new LessonFormatException(name, line, "cell " + index + " has no \"source\" text");
            }
            if (source.isArray()) {
                for (JsonNode part : source) {
                    if (!part.isTextual()) {
                        throw new LessonFormatException(name, line, "cell " + index
                                + ": \"source\" must be a string or a list of strings, not " + part.getNodeType().name().toLowerCase());
                    }
                }
            }
            String body = source.isTextual() ? source.asText() : joined(source);
            body = body.replaceAll("\\s+$", "");
            if (type.equals("code")) {
                cells.add(new Cell(Cell.Kind.CODE, stripMagics(body), 0));
            } else if (type.equals("markdown")) {
                cells.add(new Cell(Cell.Kind.MARKDOWN, body, 0));
            } else if (!type.equals("raw")) {
                throw new LessonFormatException(name, line, "cell " + index + " has unknown cell_type \"" + type + "\"");
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
        return IPythonLines.transform(code, line -> "# " + line);
    }

    /**
     * The line on which each element of the top-level {@code "cells"} list begins, read with the
     * streaming parser (the tree has no locations); empty when there is no such list.
     */
    private static List<Integer> cellLines(String text) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("cells".equals(field) && value == JsonToken.START_ARRAY) {
                    for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        lines.add(p.currentTokenLocation().getLineNr());
                        p.skipChildren();
                    }
                    return lines;
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // the tree parser has read the same text without error: not reached
        }
        return lines;
    }
}
