package org.autogradstudio.ui.graph;

/** A drawn vertex is a tensor (a value) or a function (the op that made a value, its grad_fn). */
public enum VertexKind { TENSOR, FUNCTION }
