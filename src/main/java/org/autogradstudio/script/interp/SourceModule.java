package org.autogradstudio.script.interp;

import java.util.HashMap;
import java.util.Map;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyDict;
import org.autogradstudio.script.runtime.PyModule;

/** A module written in Python: its attributes are its globals. */
final class SourceModule extends PyModule {
    private final Globals globals;

    SourceModule(String name, String file, Globals globals) {
        super(name, file, new HashMap<>());
        this.globals = globals;
    }

    @Override
    protected PyDict namespace() {
        return PyDict.ofStrings(globals.snapshot());
    }

    @Override
    public Object get(String attr) {
        return globals.get(attr);
    }

    @Override
    public void setAttr(String attr, Object value) {
        globals.put(attr, value);
    }

    @Override
    public void delAttr(String attr) {
        if (!globals.remove(attr)) {
            throw Py.noAttribute(this, attr);
        }
    }

    @Override
    public Map<String, Object> attributes() {
        return globals.snapshot();
    }
}
