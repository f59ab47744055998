package org.autogradstudio.ui.graph;

/** What a vertex is in the graph; the view colours vertices by role (CSS class {@code role-...}). */
public enum Role {
    PARAMETER, CONSTANT, INTERMEDIATE, OUTPUT, FUNCTION;

    public String styleClass() {
        return "role-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
