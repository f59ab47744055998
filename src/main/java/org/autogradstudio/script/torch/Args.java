package org.autogradstudio.script.torch;

import java.math.BigInteger;
import java.util.List;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.Tensor;
import org.autogradstudio.script.runtime.Py;
import org.autogradstudio.script.runtime.PyList;
import org.autogradstudio.script.runtime.PyObject;
import org.autogradstudio.script.runtime.PyRange;
import org.autogradstudio.script.runtime.PyTuple;

/** Conversions from Python argument values to what the engine takes, with PyTorch's TypeErrors. */
final class Args {
    private Args() {
    }

    /** A tensor operand: tensors as they are, Python numbers as wrapped 0-d tensors (weak type promotion). */
    static Tensor tensor(Object o, String function) {
        Tensor t = tensorOrNull(o);
        if (t == null) {
            throw Py.typeError(function + "(): argument 'input' (position 1) must be Tensor, not " + Py.typeName(o));
        }
        return t;
    }

    static Tensor tensorOrNull(Object o) {
        if (o instanceof TensorObject t) {
            return t.tensor();
        }
        if (o instanceof Boolean b) {
            Tensor t = Tensor.scalar(b ? 1 : 0, DType.BOOL);
            return t;
        }
        if (o instanceof Long l) {
            return Tensor.wrappedNumber(l, false);
        }
        if (o instanceof BigInteger b) {
            return Tensor.wrappedNumber(b.doubleValue(), false);
        }
        if (o instanceof Double d) {
            return Tensor.wrappedNumber(d, true);
        }
        return null;
    }

    /** A tensor argument that must really be a tensor (not a number). */
    static Tensor strictTensor(Object o, String function, String argName, int position) {
        if (o instanceof TensorObject t) {
            return t.tensor();
        }
        throw Py.typeError(function + "(): argument '" + argName + "' (position " + position + ") must be Tensor, not "
                + Py.typeName(o));
    }

    static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof BigInteger || o instanceof Boolean;
    }

    static double number(Object o) {
        if (o instanceof TensorObject t) {
            return t.tensor().item();
        }
        return Py.toDouble(o);
    }

    static Double optionalNumber(Object o) {
        return Py.isNone(o) ? null : number(o);
    }

    static int integer(Object o) {
        if (o instanceof TensorObject t) {
            return (int) t.tensor().item();
        }
        return Py.toInt(o);
    }

    static boolean bool(Object o) {
        return Py.isTrue(o);
    }

    /** A dtype argument: a torch dtype object or None (giving {@code fallback}). */
    static DType dtype(Object o, DType fallback) {
        if (o == null || Py.isNone(o)) {
            return fallback;
        }
        if (o instanceof DTypeObject d) {
            return d.dtype();
        }
        if (o instanceof PyObject p && "type".equals(p.typeName())) {
            String name = Py.repr(o);
            if (name.contains("'float'")) {
                return DType.FLOAT64;
            }
            if (name.contains("'int'")) {
                return DType.INT64;
            }
            if (name.contains("'bool'")) {
                return DType.BOOL;
            }
        }
        throw Py.typeError("argument 'dtype' must be torch.dtype, not " + Py.typeName(o));
    }

    /**
     * A shape given PyTorch's two ways: {@code ones(2, 3)} or {@code ones((2, 3))} / {@code ones([2, 3])}
     * / {@code ones(x.shape)}.
     */
    static int[] shape(Object[] args) {
        if (args.length == 1 && isSequence(args[0])) {
            List<Object> items = sequence(args[0]);
            return ints(items.toArray());
        }
        return ints(args);
    }

    static int[] ints(Object[] items) {
        int[] out = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            if (!(items[i] instanceof Long) && !(items[i] instanceof BigInteger)
                    && !(items[i] instanceof TensorObject)) {
                throw Py.typeError("expected a sequence of integers or a single integer, got '"
                        + Py.typeName(items[i]) + "'");
            }
            out[i] = integer(items[i]);
        }
        return out;
    }

    /** A {@code dim} argument: None (all), an int, or a tuple/list of ints. */
    static int[] dims(Object o) {
        if (o == null || Py.isNone(o)) {
            return null;
        }
        if (isSequence(o)) {
            return ints(sequence(o).toArray());
        }
        return new int[] {integer(o)};
    }

    static boolean isSequence(Object o) {
        return o instanceof PyTuple || o instanceof PyList || o instanceof SizeObject || o instanceof PyRange;
    }

    static List<Object> sequence(Object o) {
        if (o instanceof PyTuple t) {
            return t.items();
        }
        if (o instanceof PyList l) {
            return l.items();
        }
        if (o instanceof SizeObject s) {
            return s.items();
        }
        if (o instanceof PyRange r) {
            List<Object> items = new java.util.ArrayList<>();
            r.iter().forEachRemaining(items::add);
            return items;
        }
        throw Py.typeError("expected a sequence, got " + Py.typeName(o));
    }
}
