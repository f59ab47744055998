package org.autogradstudio.calculus;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autogradstudio.engine.Node;
import org.autogradstudio.engine.Tensor;

/**
 * The names a derivation uses for tensors: the script's variables ({@code x}, {@code w},
 * {@code y_pred}, {@code loss}). A named intermediate stays a symbol in the chain
 * ({@code dL/dy_pred · dy_pred/dz · dz/dw}); unnamed ones are written out as formulas.
 *
 * <p>A tensor computed outside autograd (for example {@code 1 - y} when {@code y} does not require
 * grad) is, to the recorded graph, just a number; {@link #define} gives it back its formula so a
 * derivation can stay symbolic ({@code (y_pred - y) x} rather than one valid only at y = 0).
 * Tensors are matched by identity. Where no formula was given, {@link #formulaOf} recognises the
 * complement a loss writes most, {@code 1 - y} of a named constant {@code y} (the value must be
 * exactly {@code 1 - y} in the tensor's own dtype), so the notebooks' cross-entropy stays symbolic
 * when the script computes it as plain code.
 */
public final class Symbols {
    private final Map<Tensor, String> names = new IdentityHashMap<>();
    private final Map<Tensor, Expr> formulas = new IdentityHashMap<>();
    /** Constants already looked at for an inferred formula (found or not): each is scanned once. */
    private final java.util.Set<Tensor> tried = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    public static Symbols none() {
        return new Symbols();
    }

    /** Names from a variable table (name -> tensor), e.g. the interpreter's globals; later entries win. */
    public static Symbols of(Map<String, Tensor> variables) {
        Symbols s = new Symbols();
        variables.forEach((name, t) -> {
            if (t != null) {
                s.name(t, name);
            }
        });
        return s;
    }

    public Symbols name(Tensor t, String name) {
        names.put(t, name);
        return this;
    }

    /** Gives a tensor that autograd did not record a formula over other named tensors. */
    public Symbols define(Tensor t, Expr formula) {
        formulas.put(t, formula);
        return this;
    }

    public String nameOf(Tensor t) {
        return names.get(t);
    }

    public Expr formulaOf(Tensor t) {
        Expr given = formulas.get(t);
        if (given != null || names.containsKey(t) || !isConstant(t) || !t.dtype().isFloatingPoint()
                || t.numel() > MAX_INFERRED || !tried.add(t)) {
            return given;
        }
        Expr inferred = complementOfNamedConstant(t);
        if (inferred != null) {
            formulas.put(t, inferred);
        }
        return inferred;
    }

    /** Larger constants are data, not a formula worth recognising. */
    private static final int MAX_INFERRED = 4096;

    private static boolean isConstant(Tensor t) {
        return t.gradFn() == null && !t.requiresGrad() && !t.isWrappedNumber();
    }

    /** {@code 1 - v} for the first named constant v whose complement, in t's dtype, is exactly t. */
    private Expr complementOfNamedConstant(Tensor t) {
        double[] values = t.toArray();
        for (Map.Entry<Tensor, String> e : names.entrySet()) {
            Tensor v = e.getKey();
            if (!isConstant(v) || v.dtype() != t.dtype() || !java.util.Arrays.equals(v.shape(), t.shape())) {
                continue;
            }
            double[] vs = v.toArray();
            boolean complement = true;
            for (int i = 0; i < vs.length && complement; i++) {
                double c = t.dtype() == org.autogradstudio.engine.DType.FLOAT32 ? (double) (1f - (float) vs[i]) : 1 - vs[i];
                complement = c == values[i];
            }
            if (complement) {
                return Expr.sub(Expr.ONE, new Expr.Var(e.getValue()));
            }
        }
        return null;
    }

    /** The name of the tensor a node produces (its grad_fn output, or the leaf of an AccumulateGrad). */
    Map<Node, String> nodeNames() {
        Map<Node, String> out = new IdentityHashMap<>();
        for (Map.Entry<Tensor, String> e : names.entrySet()) {
            Tensor t = e.getKey();
            if (t.gradFn() != null) {
                out.putIfAbsent(t.gradFn(), e.getValue());
            } else if (t.requiresGrad()) {
                out.putIfAbsent(t.gradAccumulator(), e.getValue());
            }
        }
        return out;
    }

    Map<String, Tensor> byName() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        names.forEach((t, n) -> out.put(n, t));
        return Collections.unmodifiableMap(out);
    }
}
