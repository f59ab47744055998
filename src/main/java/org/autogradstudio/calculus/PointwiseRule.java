package org.autogradstudio.calculus;

/**
 * A local rule whose output element i depends on input element i alone (elementwise functions,
 * masked fills, pairwise extremes): its element factor is evaluated at output positions. Holds
 * the grad_fn name every such rule reports.
 */
abstract class PointwiseRule implements LocalRule {
    private final String name;

    PointwiseRule(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean factorAtOutput() {
        return true;
    }
}
