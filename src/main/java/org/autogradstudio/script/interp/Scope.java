package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A namespace block (module, function/lambda/comprehension, class body) and, after
 * {@link ScopeAnalyzer} ran, how each of its names is bound.
 */
final class Scope {
    enum Kind { MODULE, FUNCTION, CLASS }

    enum BindingKind { LOCAL, CELL, FREE, GLOBAL, CLASS_LOCAL }

    record Binding(BindingKind kind, int index) {
    }

    final Kind kind;
    final Scope parent;
    final String name;
    final List<String> params = new ArrayList<>();
    final Set<String> assigned = new LinkedHashSet<>();
    final Set<String> used = new LinkedHashSet<>();
    final Set<String> globalDecl = new LinkedHashSet<>();
    final Set<String> nonlocalDecl = new LinkedHashSet<>();
    final List<Scope> children = new ArrayList<>();
    final Set<String> cells = new LinkedHashSet<>();
    final List<String> freeVars = new ArrayList<>();
    boolean needsClassCell;
    /** A function whose body contains {@code yield}. */
    boolean generator;

    private final Map<String, Integer> slots = new HashMap<>();
    private int nslots;

    Scope(Kind kind, Scope parent, String name) {
        this.kind = kind;
        this.parent = parent;
        this.name = name;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    boolean isLocal(String n) {
        return kind == Kind.FUNCTION && assigned.contains(n) && !globalDecl.contains(n) && !nonlocalDecl.contains(n);
    }

    void addFree(String n) {
        if (!freeVars.contains(n)) {
            freeVars.add(n);
        }
    }

    /** Gives every local (parameters first) and every cell a slot. */
    void assignSlots() {
        if (kind == Kind.FUNCTION) {
            for (String p : params) {
                slots.put(p, nslots++);
            }
            for (String n : assigned) {
                if (isLocal(n) && !slots.containsKey(n)) {
                    slots.put(n, nslots++);
                }
            }
        }
        for (String c : cells) {
            if (!slots.containsKey(c)) {
                slots.put(c, nslots++);
            }
        }
    }

    /** The parameters, then the other locals, in slot order (CPython's co_varnames). */
    java.util.List<String> localNames() {
        List<String> names = new ArrayList<>();
        if (kind == Kind.FUNCTION) {
            names.addAll(params);
            for (String n : assigned) {
                if (isLocal(n) && !names.contains(n)) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    int slotCount() {
        return nslots;
    }

    int slot(String n) {
        return slots.get(n);
    }

    /** Slots holding cells, in ascending order. */
    int[] cellSlots() {
        int[] out = new int[cells.size()];
        int i = 0;
        for (String c : cells) {
            out[i++] = slots.get(c);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    Binding binding(String n) {
        if (kind == Kind.MODULE || globalDecl.contains(n)) {
            return new Binding(BindingKind.GLOBAL, -1);
        }
        if (kind == Kind.CLASS) {
            if (n.equals("__class__") && needsClassCell) {
                return new Binding(BindingKind.CELL, slot(n));
            }
            if (assigned.contains(n)) {
                return new Binding(BindingKind.CLASS_LOCAL, -1);
            }
        } else if (isLocal(n)) {
            return new Binding(cells.contains(n) ? BindingKind.CELL : BindingKind.LOCAL, slot(n));
        }
        int i = freeVars.indexOf(n);
        if (i >= 0) {
            return new Binding(BindingKind.FREE, i);
        }
        return new Binding(BindingKind.GLOBAL, -1);
    }

    /** How a child scope's closure gets {@code n} from this scope: a cell slot (>= 0) or free index f as -f-1. */
    int closureSource(String n) {
        if (cells.contains(n)) {
            return slot(n);
        }
        int i = freeVars.indexOf(n);
        if (i < 0) {
            throw new IllegalStateException("no closure binding for " + n + " in " + name);
        }
        return -i - 1;
    }
}
