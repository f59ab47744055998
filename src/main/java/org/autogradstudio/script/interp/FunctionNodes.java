package org.autogradstudio.script.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyClass;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyIterator;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PySet;
import org.autogradstudio.script.runtime.PyType;

/** Creating functions, classes and comprehension frames, which all capture closure cells. */
final class FunctionNodes {
    private static final Cell[] NO_CELLS = new Cell[0];

    private FunctionNodes() {
    }

    /** Gathers a new scope's closure: a source s >= 0 is the cell in local slot s, else free[-s-1]. */
    static Cell[] closure(Frame f, int[] sources) {
        if (sources.length == 0) {
            return NO_CELLS;
        }
        Cell[] cells = new Cell[sources.length];
        for (int i = 0; i < sources.length; i++) {
            int s = sources[i];
            cells[i] = s >= 0 ? (Cell) f.locals[s] : f.free[-s - 1];
        }
        return cells;
    }

    static final class MakeFunction extends ExprNode {
        final FunctionCode code;
        final ExprNode[] defaults;
        final String[] kwDefaultNames;
        final ExprNode[] kwDefaults;
        final int[] closureSources;

        MakeFunction(int line, FunctionCode code, ExprNode[] defaults, String[] kwDefaultNames, ExprNode[] kwDefaults,
                int[] closureSources) {
            super(line);
            this.code = code;
            this.defaults = defaults;
            this.kwDefaultNames = kwDefaultNames;
            this.kwDefaults = kwDefaults;
            this.closureSources = closureSources;
        }

        @Override
        Object eval(Frame f) {
            Object[] defs = CallNodes.evalAll(defaults, f);
            Map<String, Object> kwDefs = null;
            if (kwDefaults.length > 0) {
                kwDefs = new HashMap<>();
                for (int i = 0; i < kwDefaults.length; i++) {
                    kwDefs.put(kwDefaultNames[i], kwDefaults[i].eval(f));
                }
            }
            return new PyFunction(code, defs, kwDefs, closure(f, closureSources), f.globals, f.ctx);
        }
    }

    /** One {@code for target in iter if cond...} clause of a comprehension. */
    record Clause(Target target, ExprNode iter, ExprNode[] ifs) {
    }

    /** A comprehension: its own frame (as in Python 3), the first iterable evaluated outside it. */
    /**
     * {@code yield v}: hands v to whoever resumed the generator and evaluates to what it sends
     * back; {@code yield from it} yields each value of {@code it} and evaluates to its return value.
     */
    static final class Yield extends ExprNode {
        final ExprNode value;
        final boolean from;

        Yield(int line, ExprNode value, boolean from) {
            super(line);
            this.value = value;
            this.from = from;
        }

        @Override
        Object eval(Frame f) {
            Object v = value == null ? Py.NONE : value.eval(f);
            PyGenerator.Channel g = f.generator;
            if (!from) {
                return g.yieldValue(v);
            }
            Iterator<Object> it = Ops.iter(v);
            while (it.hasNext()) {
                g.yieldValue(it.next());
            }
            return it instanceof PyGenerator inner ? inner.returnValue() : Py.NONE;
        }
    }

    static final class Comprehension extends ExprNode {
        enum Kind { LIST, SET, DICT, GENERATOR }

        final Kind kind;
        final ExprNode firstIter;
        final Clause[] clauses;
        final ExprNode element;
        final ExprNode value;
        final int nlocals;
        final int[] cellSlots;
        final int[] closureSources;
        final CodeInfo info;

        Comprehension(int line, Kind kind, ExprNode firstIter, Clause[] clauses, ExprNode element, ExprNode value,
                int nlocals, int[] cellSlots, int[] closureSources, CodeInfo info) {
            super(line);
            this.kind = kind;
            this.firstIter = firstIter;
            this.clauses = clauses;
            this.element = element;
            this.value = value;
            this.nlocals = nlocals;
            this.cellSlots = cellSlots;
            this.closureSources = closureSources;
            this.info = info;
        }

        @Override
        Object eval(Frame outer) {
            Iterator<Object> first = Ops.iter(firstIter.eval(outer));
            ExecContext ctx = outer.ctx;
            Frame f = new Frame(nlocals, closure(outer, closureSources), outer.globals, info, ctx);
            f.line = line;
            for (int s : cellSlots) {
                f.locals[s] = new Cell(null);
            }
            if (kind == Kind.GENERATOR) {
                // lazy, as Python's: only the first iterable is evaluated now
                return new PyIterator(new Lazy(f, first), "generator");
            }
            ctx.enterCall();
            try {
                Object acc;
                switch (kind) {
                    case DICT: acc = new PyDict(); break;
                    case SET: acc = new PySet(); break;
                    default: acc = new ArrayList<Object>(); break;
                }
                loop(f, 0, first, acc);
                if (kind == Kind.LIST) {
                    @SuppressWarnings("unchecked")
                    List<Object> l = (List<Object>) acc;
                    return new PyList(l);
                }
                return acc;
            } catch (StackOverflowError | RuntimeException e) {
                throw withFrame(f, e);
            } finally {
                ctx.depth--;
            }
        }

        /** {@code e} as a Python error with this comprehension's frame in its traceback. */
        private PyException withFrame(Frame f, Throwable e) {
            PyException p = ErrorTranslator.translate(e);
            p.addTraceback(info.entry(f.line, p.takeSpan()));
            // the frame that ran the comprehension shows the whole comprehension, as CPython's call of it
            return p.at(span);
        }

        /**
         * A generator expression's values, one at a time: the for clauses are nested iterators, and
         * the next value is computed when asked for (so {@code any(...)} stops at the first true one,
         * and an endless iterable is fine).
         */
        private final class Lazy implements Iterator<Object> {
            private final Frame f;
            private final Iterator<?>[] its = new Iterator<?>[clauses.length];
            private int depth;
            private Object pending;
            private boolean hasPending;

            Lazy(Frame f, Iterator<Object> first) {
                this.f = f;
                its[0] = first;
            }

            @Override
            public boolean hasNext() {
                if (hasPending) {
                    return true;
                }
                try {
                    return advance();
                } catch (StackOverflowError | RuntimeException e) {
                    throw withFrame(f, e);
                }
            }

            private boolean advance() {
                ExecContext ctx = f.ctx;
                outer:
                while (depth >= 0) {
                    Iterator<?> it = its[depth];
                    if (!it.hasNext()) {
                        its[depth--] = null;
                        continue;
                    }
                    ctx.cancellation.check();
                    Clause c = clauses[depth];
                    c.target().assign(f, it.next());
                    for (ExprNode cond : c.ifs()) {
                        if (!Ops.truthy(cond.eval(f))) {
                            continue outer;
                        }
                    }
                    if (depth + 1 < clauses.length) {
                        its[depth + 1] = Ops.iter(clauses[depth + 1].iter().eval(f));
                        depth++;
                        continue;
                    }
                    pending = element.eval(f);
                    hasPending = true;
                    return true;
                }
                return false;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Object v = pending;
                pending = null;
                hasPending = false;
                return v;
            }
        }

        @SuppressWarnings("unchecked")
        private void loop(Frame f, int level, Iterator<Object> it, Object acc) {
            Clause c = clauses[level];
            ExecContext ctx = f.ctx;
            outer:
            while (it.hasNext()) {
                ctx.cancellation.check();
                c.target().assign(f, it.next());
                for (ExprNode cond : c.ifs()) {
                    if (!Ops.truthy(cond.eval(f))) {
                        continue outer;
                    }
                }
                if (level + 1 < clauses.length) {
                    loop(f, level + 1, Ops.iter(clauses[level + 1].iter().eval(f)), acc);
                } else if (kind == Kind.DICT) {
                    Object k = element.eval(f);
                    ((PyDict) acc).put(k, value.eval(f));
                } else if (kind == Kind.SET) {
                    ((PySet) acc).add(element.eval(f));
                } else {
                    List<Object> l = (List<Object>) acc;
                    l.add(element.eval(f));
                    if (l.size() > org.autogradstudio.script.runtime.Sequences.MAX_SIZE) {
                        throw new PyException("MemoryError", "list too large (Autograd Studio limit)");
                    }
                }
            }
        }
    }

    /** {@code class Name(bases): body}: runs the body in a class namespace, then builds the class. */
    static final class ClassDef extends StmtNode {
        final String name;
        final ExprNode[] bases;
        final ExprNode[] decorators;
        final Target target;
        final StmtNode body;
        final int nlocals;
        final int[] cellSlots;
        final int classCellSlot;
        final int[] closureSources;
        final CodeInfo info;
        final String doc;

        ClassDef(int line, String name, ExprNode[] bases, ExprNode[] decorators, Target target, StmtNode body,
                int nlocals, int[] cellSlots, int classCellSlot, int[] closureSources, CodeInfo info, String doc) {
            super(line);
            this.name = name;
            this.bases = bases;
            this.decorators = decorators;
            this.target = target;
            this.body = body;
            this.nlocals = nlocals;
            this.cellSlots = cellSlots;
            this.classCellSlot = classCellSlot;
            this.closureSources = closureSources;
            this.info = info;
            this.doc = doc;
        }

        @Override
        int exec(Frame f) {
            Object[] decs = CallNodes.evalAll(decorators, f);
            List<PyType> baseTypes = new ArrayList<>();
            for (ExprNode b : bases) {
                Object v = b.eval(f);
                if (!(v instanceof PyType t)) {
                    throw Py.typeError("bases must be types");
                }
                baseTypes.add(t);
            }
            ExecContext ctx = f.ctx;
            ctx.enterCall();
            Frame cf = new Frame(nlocals, closure(f, closureSources), f.globals, info, ctx);
            cf.line = line;
            Map<String, Object> ns = new LinkedHashMap<>();
            Object module = f.globals.get("__name__");
            ns.put("__module__", module == null ? "__main__" : module);
            ns.put("__qualname__", name);
            if (doc != null) {
                ns.put("__doc__", doc);
            }
            cf.classNamespace = ns;
            for (int s : cellSlots) {
                cf.locals[s] = new Cell(null);
            }
            try {
                body.exec(cf);
            } catch (PyException e) {
                e.addTraceback(info.entry(cf.line, e.takeSpan()));
                throw e;
            } finally {
                ctx.depth--;
            }
            PyClass created = new PyClass(name, String.valueOf(ns.get("__module__")), baseTypes, ns, false);
            Object cls = created;
            if (classCellSlot >= 0) {
                ((Cell) cf.locals[classCellSlot]).value = cls;
            }
            initSubclass(created);
            for (int i = decs.length - 1; i >= 0; i--) {
                cls = Ops.call(decs[i], new Object[] {cls}, Py.NO_KWARGS);
            }
            target.assign(f, cls);
            return NORMAL;
        }
    }

    /**
     * Calls the nearest base's {@code __init_subclass__} with the new class (an implicit
     * classmethod, as in Python), which a registry of subclasses is built on.
     */
    static void initSubclass(PyClass created) {
        List<PyType> mro = created.mro();
        for (int i = 1; i < mro.size(); i++) {
            if (mro.get(i) instanceof PyClass c && !c.isBuiltin() && c.dict().containsKey("__init_subclass__")) {
                Object hook = c.dict().get("__init_subclass__");
                Object function = hook instanceof org.autogradstudio.script.runtime.Descriptors.ClassMethod m ? m.function() : hook;
                Ops.call(function, new Object[] {created}, Py.NO_KWARGS);
                return;
            }
        }
    }

    /** Zero-argument {@code super()} inside a method: the class cell and the first argument. */
    static final class SuperNode extends ExprNode {
        final ExprNode classCell;
        final ExprNode self;

        SuperNode(int line, ExprNode classCell, ExprNode self) {
            super(line);
            this.classCell = classCell;
            this.self = self;
        }

        @Override
        Object eval(Frame f) {
            Object cls;
            Object obj;
            try {
                cls = classCell.eval(f);
                obj = self.eval(f);
            } catch (PyException e) {
                throw Py.runtimeError("super(): no arguments");
            }
            return Builtins.makeSuper(cls, obj);
        }
    }
}
