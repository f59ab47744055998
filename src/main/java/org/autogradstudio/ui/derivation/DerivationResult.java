package org.autogradstudio.ui.derivation;

import java.util.List;
import org.autogradstudio.calculus.Derivation;
import org.autogradstudio.calculus.FiniteDifference;

/**
 * What the panel shows for one leaf element, computed on the script thread: the derivation, the
 * finite difference at step {@code h} (null, with {@code numericNote} saying why, when the forward
 * pass cannot be replayed), and the three numbers side by side (NaN for one that cannot be worked out).
 */
public record DerivationResult(String leaf, String root, int leafSize, int element, Derivation derivation,
                               FiniteDifference.Result finiteDifference, double symbolic, Double autograd, double numeric,
                               List<String> latex, String plain, String numericNote) {

    /** The chain rule agrees with autograd (relative 1e-4) and the finite difference agrees with autograd (its own tolerance). */
    public boolean agrees() {
        return autograd != null && FiniteDifference.relative(symbolic, autograd) <= 1e-4
                && finiteDifference != null && Boolean.TRUE.equals(finiteDifference.agrees());
    }
}
