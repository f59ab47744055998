package org.autogradstudio.script.interp;

import java.util.Map;
import org.autogradstudio.script.runtime.Ops;
import org.autogradstudio.script.runtime.PyException;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyModule;
import org.autogradstudio.script.runtime.PyTuple;

/** {@code import a.b as c} and {@code from a.b import x as y}. */
final class ImportNodes {
    private ImportNodes() {
    }

    static final class Import extends StmtNode {
        final String module;
        final boolean aliased;
        final Target target;

        Import(int line, String module, boolean aliased, Target target) {
            super(line);
            this.module = module;
            this.aliased = aliased;
            this.target = target;
        }

        @Override
        int exec(Frame f) {
            Object m = f.ctx.importer.importModule(module);
            if (!aliased) {
                m = f.ctx.importer.importModule(module.split("\\.")[0]);
            }
            target.assign(f, m);
            return NORMAL;
        }
    }

    static final class ImportFrom extends StmtNode {
        final String module;
        final int level;
        final String[] names;
        final Target[] targets;

        ImportFrom(int line, String module, int level, String[] names, Target[] targets) {
            super(line);
            this.module = module;
            this.level = level;
            this.names = names;
            this.targets = targets;
        }

        @Override
        int exec(Frame f) {
            if (level > 0) {
                throw new PyException("ImportError", "attempted relative import with no known parent package");
            }
            Object m = f.ctx.importer.importModule(module);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals("*")) {
                    importStar(f, m);
                    continue;
                }
                Object v = Ops.getAttrOrNull(m, names[i]);
                if (v == null) {
                    try {
                        v = f.ctx.importer.importModule(module + "." + names[i]);
                    } catch (PyException e) {
                        if (!e.typeName().equals("ModuleNotFoundError")) {
                            throw e;
                        }
                        String file = m instanceof PyModule pm ? pm.file() : null;
                        throw new PyException("ImportError", "cannot import name '" + names[i] + "' from '" + module
                                + "' (" + (file == null ? "unknown location" : file) + ")");
                    }
                }
                targets[i].assign(f, v);
            }
            return NORMAL;
        }

        private static void importStar(Frame f, Object m) {
            if (!(m instanceof PyModule pm)) {
                return;
            }
            Object all = pm.getAttr("__all__");
            if (all instanceof PyList || all instanceof PyTuple) {
                for (Object n : Ops.toArray(all)) {
                    f.globals.put((String) n, Ops.getAttr(m, (String) n));
                }
                return;
            }
            for (Map.Entry<String, Object> e : pm.attributes().entrySet()) {
                if (!e.getKey().startsWith("_")) {
                    f.globals.put(e.getKey(), e.getValue());
                }
            }
        }
    }
}
