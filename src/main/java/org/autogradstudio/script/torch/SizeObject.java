package org.autogradstudio.script.torch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.autogradstudio.script.runtime.BinaryOp;
import org.autogradstudio.script.runtime.CompareOp;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyTuple;

/** {@code torch.Size}: a tuple of ints that prints as {@code torch.Size([2, 3])}. */
final class SizeObject implements PyObject {
    private final PyTuple dims;

    SizeObject(int[] shape) {
        Object[] items = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) {
            items[i] = (long) shape[i];
        }
        this.dims = new PyTuple(items);
    }

    List<Object> items() {
        return dims.items();
    }

    @Override
    public String typeName() {
        return "Size";
    }

    @Override
    public String typeModule() {
        return "torch";
    }

    @Override
    public Object getItem(Object key) {
        Object r = dims.getItem(key);
        if (r instanceof PyTuple t) {
            int[] shape = new int[t.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = Py.toInt(t.get(i));
            }
            return new SizeObject(shape);
        }
        return r;
    }

    @Override
    public int len() {
        return dims.len();
    }

    @Override
    public Iterator<Object> iter() {
        return dims.iter();
    }

    @Override
    public boolean isTrue() {
        return dims.size() > 0;
    }

    @Override
    public Object compare(CompareOp op, Object other) {
        Object o = other instanceof SizeObject s ? s.dims : other instanceof PyTuple ? other : null;
        if (o == null) {
            return Py.NOT_IMPLEMENTED;
        }
        return dims.compare(op, o);
    }

    @Override
    public Object binaryOp(BinaryOp op, Object other) {
        return dims.binaryOp(op, other instanceof SizeObject s ? s.dims : other);
    }

    @Override
    public Object callMethod(String name, Object[] args, java.util.Map<String, Object> kwargs) {
        if (name.equals("numel")) {
            long n = 1;
            for (Object d : dims.items()) {
                n *= (Long) d;
            }
            return n;
        }
        return dims.callMethod(name, args, kwargs);
    }

    @Override
    public Object getAttr(String name) {
        return dims.getAttr(name);
    }

    @Override
    public String repr() {
        List<String> parts = new ArrayList<>();
        for (Object d : dims.items()) {
            parts.add(d.toString());
        }
        return "torch.Size([" + String.join(", ", parts) + "])";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SizeObject s && s.dims.equals(dims);
    }

    @Override
    public int hashCode() {
        return dims.hashCode();
    }

    PyList toList() {
        return new PyList(dims.items());
    }
}
