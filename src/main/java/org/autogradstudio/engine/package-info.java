/**
 * Tensors and autograd, faithful to PyTorch: {@link org.autogradstudio.engine.Tensor} with its
 * dtypes, broadcasting and views; the ops (one table of elementwise rules,
 * {@link org.autogradstudio.engine.ElementwiseOp}, plus reductions, shape ops, matrix products,
 * indexing and losses); the graph of {@link org.autogradstudio.engine.Node}s, {@link
 * org.autogradstudio.engine.Edge}s and {@link org.autogradstudio.engine.AccumulateGrad} sinks; and
 * the {@link org.autogradstudio.engine.Engine} that runs backward from a ready queue ordered by
 * sequence number, telling {@link org.autogradstudio.engine.BackwardListener}s every step.
 * Nodes keep their forward inputs and outputs for drawing only while
 * {@link org.autogradstudio.engine.GraphValues} is on (a lesson session turns it on); otherwise an
 * elementwise node of 0-d tensors keeps just the saved values backward needs, as PyTorch does.
 * Knows nothing of the other packages.
 */
package org.autogradstudio.engine;
