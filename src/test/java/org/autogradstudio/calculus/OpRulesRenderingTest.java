package org.autogradstudio.calculus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.autogradstudio.engine.Classification;
import org.autogradstudio.engine.DType;
import org.autogradstudio.engine.ElementwiseExtras;
import org.autogradstudio.engine.GroupReductions;
import org.autogradstudio.engine.PairwiseOps;
import org.autogradstudio.engine.Selections;
import org.autogradstudio.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The derivation of each new op family names its function in LaTeX and in plain text. */
class OpRulesRenderingTest {
    private static Derivation derive(int[] shape, Function<Tensor, Tensor> op) {
        double[] v = new double[Values.numel(shape)];
        for (int k = 0; k < v.length; k++) {
            v[k] = 0.3 + 0.41 * k - 0.07 * k * k;
        }
        Tensor x = Tensor.of(v, shape, DType.FLOAT64).requiresGrad_(true);
        Tensor y = op.apply(x);
        Tensor root = y.numel() == 1 ? y.sum() : y.mul(y).sum();
        root.backward();
        return ChainRule.derive(x, root, Symbols.none().name(x, "x").name(y, "y"), 0);
    }

    private static void names(Derivation d, String latex, String plain) {
        String l = String.join("\n", d.latexLines()) + "\n" + d.toLatex();
        assertTrue(l.contains(latex), "LaTeX names " + latex + ":\n" + l);
        assertTrue(d.toPlain().contains(plain), "plain text names " + plain + ":\n" + d.toPlain());
        for (String note : d.notes()) {
            assertTrue(!note.startsWith("no rule for"), note);
        }
    }

    private static final Tensor CLASSES = Tensor.of(new double[] {2, 0}, new int[] {2}, DType.INT64);

    @Test
    void softmaxAndLogSoftmax() {
        names(derive(new int[] {2, 3}, x -> Classification.softmax(x, 1)), "\\operatorname{softmax}_{dim=1}", "softmax(x, dim=1)");
        names(derive(new int[] {2, 3}, x -> Classification.logSoftmax(x, 1)), "\\log\\operatorname{softmax}", "log_softmax(x, dim=1)");
    }

    @Test
    void crossEntropyIsNllOfLogSoftmax() {
        Derivation d = derive(new int[] {2, 3}, x -> Classification.crossEntropy(x, CLASSES, null, -100, "mean"));
        names(d, "\\operatorname{NLL}", "nll_loss(");
        names(d, "\\log\\operatorname{softmax}", "log_softmax(");
        // the matrix form of the loss's own factor is the one-hot of the recorded classes
        assertTrue(d.toLatex().contains("\\operatorname{onehot}") || d.toPlain().contains("one_hot"), d.toPlain());
    }

    @Test
    void groupReductions() {
        names(derive(new int[] {2, 3}, x -> GroupReductions.var(x, new int[] {1}, 1, false)), "\\operatorname{Var}_{dim=1}", "var(x, dim=1)");
        names(derive(new int[] {2, 3}, x -> GroupReductions.std(x, null, 0, false)), "\\operatorname{std}", "std(x, correction=0)");
        names(derive(new int[] {2, 3}, x -> GroupReductions.norm(x, 2, new int[] {1}, false)), "\\right\\|_{dim=1}", "norm(x, dim=1)");
        names(derive(new int[] {3}, x -> GroupReductions.prod(x, null, false)), "\\prod", "prod(x)");
        names(derive(new int[] {2, 3}, x -> GroupReductions.cumsum(x, 1)), "\\operatorname{cumsum}_{dim=1}", "cumsum(x, dim=1)");
        names(derive(new int[] {2, 3}, x -> GroupReductions.logsumexp(x, new int[] {1}, false)), "\\operatorname{logsumexp}", "logsumexp(x, dim=1)");
        names(derive(new int[] {2, 3}, x -> GroupReductions.amax(x, new int[] {1}, false, true)), "\\operatorname{amax}", "amax(x, dim=1)");
    }

    @Test
    void elementwiseFunctions() {
        names(derive(new int[] {3}, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.ASIN, x.mul(0.5))), "\\arcsin", "asin(");
        names(derive(new int[] {3}, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.LOG1P, x)), "\\operatorname{log1p}", "log1p(x)");
        names(derive(new int[] {3}, x -> ElementwiseExtras.apply(ElementwiseExtras.Fn.SINH, x)), "\\sinh", "sinh(x)");
        names(derive(new int[] {3}, x -> ElementwiseExtras.leakyRelu(x, 0.2)), "\\operatorname{leaky\\_relu}", "leaky_relu(x, 0.2)");
        names(derive(new int[] {3}, x -> ElementwiseExtras.softplus(x, 2, 20)), "\\operatorname{softplus}", "softplus(x, 2, 20)");
        names(derive(new int[] {3}, ElementwiseExtras::silu), "\\operatorname{silu}", "silu(x)");
        names(derive(new int[] {3}, x -> ElementwiseExtras.gelu(x, false)), "\\operatorname{GELU}", "gelu(x)");
        names(derive(new int[] {3}, x -> PairwiseOps.maximum(x, Tensor.of(new double[] {0, 1, 0}, new int[] {3}, DType.FLOAT64))),
                "\\operatorname{maximum}", "maximum(x, ");
        names(derive(new int[] {3}, x -> ElementwiseExtras.maskedFill(x, Tensor.of(new double[] {0, 1, 0}, new int[] {3}, DType.BOOL), 2)),
                "\\operatorname{masked\\_fill}", "masked_fill(x, 2)");
    }

    @Test
    void picks() {
        names(derive(new int[] {2, 3}, x -> Selections.gather(x, 1, Tensor.of(new double[] {0, 2}, new int[] {2, 1}, DType.INT64))),
                "\\operatorname{gather}_{dim=1}", "gather(x, dim=1)");
        names(derive(new int[] {2, 3}, x -> Selections.flip(x, new int[] {1})), "\\operatorname{flip}", "flip(x, dims=[1])");
        names(derive(new int[] {3}, Selections::diag), "\\operatorname{diag}", "diag(x)");
    }
}
