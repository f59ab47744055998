package org.autogradstudio.script.interp;

import java.util.Map;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.Suggestions;

/** Reading, writing and deleting variables, one class per kind of binding. */
final class NameNodes {
    private NameNodes() {
    }

    static PyException unboundLocal(String name) {
        return new PyException("UnboundLocalError",
                "cannot access local variable '" + name + "' where it is not associated with a value");
    }

    /**
     * NameError for {@code name}, with CPython 3.11's suggestion: the nearest of the code's local
     * names, else of the globals bound now, else of the builtins.
     */
    static PyException nameError(String name, Frame f) {
        return Py.nameError(name).withSuggestion(() -> {
            String near = Suggestions.nearest(f.code.varnames(), name);
            if (near == null) {
                near = Suggestions.nearest(f.globals.boundNames(), name);
            }
            if (near == null) {
                near = Suggestions.nearest(new java.util.ArrayList<>(f.globals.builtins.keySet()), name);
            }
            return near;
        });
    }

    static PyException unboundFree(String name) {
        return new PyException("NameError",
                "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope");
    }

    /** A function local in a plain slot. */
    static final class Local extends ExprNode implements Target {
        final int slot;
        final String name;

        Local(int line, int slot, String name) {
            super(line);
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object v = f.locals[slot];
            if (v == null) {
                throw unboundLocal(name).at(span);
            }
            return v;
        }

        @Override
        public void assign(Frame f, Object value) {
            f.locals[slot] = value;
        }

        @Override
        public void delete(Frame f) {
            if (f.locals[slot] == null) {
                throw unboundLocal(name).at(span);
            }
            f.locals[slot] = null;
        }
    }

    /** A function local captured by a nested function: the slot holds a {@link Cell}. */
    static final class CellVar extends ExprNode implements Target {
        final int slot;
        final String name;

        CellVar(int line, int slot, String name) {
            super(line);
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object v = ((Cell) f.locals[slot]).value;
            if (v == null) {
                throw unboundLocal(name).at(span);
            }
            return v;
        }

        @Override
        public void assign(Frame f, Object value) {
            ((Cell) f.locals[slot]).value = value;
        }

        @Override
        public void delete(Frame f) {
            Cell c = (Cell) f.locals[slot];
            if (c.value == null) {
                throw unboundLocal(name).at(span);
            }
            c.value = null;
        }
    }

    /** A variable of an enclosing function, through the closure. */
    static final class Free extends ExprNode implements Target {
        final int index;
        final String name;

        Free(int line, int index, String name) {
            super(line);
            this.index = index;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object v = f.free[index].value;
            if (v == null) {
                throw unboundFree(name).at(span);
            }
            return v;
        }

        @Override
        public void assign(Frame f, Object value) {
            f.free[index].value = value;
        }

        @Override
        public void delete(Frame f) {
            f.free[index].value = null;
        }
    }

    /** A global (or builtin) name; the ref is resolved at compile time, the builtin cached on first use. */
    static final class Global extends ExprNode implements Target {
        final GlobalRef ref;
        final Map<String, Object> builtins;
        private Object builtin;

        Global(int line, GlobalRef ref, Map<String, Object> builtins) {
            super(line);
            this.ref = ref;
            this.builtins = builtins;
        }

        @Override
        Object eval(Frame f) {
            Object v = ref.value;
            if (v != null) {
                return v;
            }
            v = builtin;
            if (v == null) {
                v = builtins.get(ref.name);
                if (v == null) {
                    throw nameError(ref.name, f).at(span);
                }
                builtin = v;
            }
            return v;
        }

        @Override
        public void assign(Frame f, Object value) {
            ref.value = value;
            if (ref.watcher != null) {
                ref.watcher.accept(ref.name, value);
            }
        }

        @Override
        public void delete(Frame f) {
            if (ref.value == null) {
                throw nameError(ref.name, f).at(span);
            }
            ref.value = null;
        }
    }

    /** A name assigned in a class body: the class namespace first, then globals and builtins. */
    static final class ClassLocal extends ExprNode implements Target {
        final String name;
        final Global fallback;

        ClassLocal(int line, String name, Global fallback) {
            super(line);
            this.name = name;
            this.fallback = fallback;
        }

        @Override
        Object eval(Frame f) {
            Object v = f.classNamespace.get(name);
            return v != null ? v : fallback.eval(f);
        }

        @Override
        public void assign(Frame f, Object value) {
            f.classNamespace.put(name, value);
        }

        @Override
        public void delete(Frame f) {
            if (f.classNamespace.remove(name) == null) {
                throw nameError(name, f).at(span);
            }
        }
    }
}
