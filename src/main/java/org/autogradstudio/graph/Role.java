package org.autogradstudio.graph;

/** What a tensor vertex is to the learner; each role has its own colour in the app and exports. */
public enum Role {
    /** A leaf that requires grad: a weight, a bias, an input we differentiate with respect to. */
    PARAMETER,
    /** A leaf that does not require grad: data, targets, Python numbers. */
    CONSTANT,
    /** A recorded result between the leaves and the root. */
    INTERMEDIATE,
    /** The output the backward pass starts from (usually the loss). */
    ROOT
}
