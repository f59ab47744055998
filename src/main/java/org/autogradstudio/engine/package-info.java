/**
 * Tensors and autograd, faithful to PyTorch: {@link org.autogradstudio.engine.Tensor} with its
 * dtypes, broadcasting and views; the ops (one table of elementwise rules,
 * {@link org.autogradstudio.engine.ElementwiseOp}, plus reductions, shape ops, matrix products,
 * indexing and losses; ops outside the table, each a forward and a backward over arrays, grouped by
 * kind: {@link org.autogradstudio.engine.Classification}, {@link org.autogradstudio.engine.GroupReductions}
 * on {@link org.autogradstudio.engine.Groups}, {@link org.autogradstudio.engine.Selections},
 * {@link org.autogradstudio.engine.Sorting}, {@link org.autogradstudio.engine.ElementwiseExtras},
 * {@link org.autogradstudio.engine.PairwiseOps}; a script's own functions, {@link
 * org.autogradstudio.engine.CustomFunction}, and {@link org.autogradstudio.engine.TensorHooks});
 * float32 sums in ATen's order ({@link org.autogradstudio.engine.CascadeSum}) and PyTorch's random
 * streams ({@link org.autogradstudio.engine.Generator}); the graph of {@link org.autogradstudio.engine.Node}s, {@link
 * org.autogradstudio.engine.Edge}s and {@link org.autogradstudio.engine.AccumulateGrad} sinks; and
 * the {@link org.autogradstudio.engine.Engine} that runs backward from a ready queue ordered by
 * sequence number, telling {@link org.autogradstudio.engine.BackwardListener}s every step.
 * Nodes keep their forward inputs and outputs for drawing only while
 * {@link org.autogradstudio.engine.GraphValues} is on (a lesson session turns it on); otherwise an
 * elementwise node of 0-d tensors keeps just the saved values backward needs, as PyTorch does.
 * Knows nothing of the other packages.
 */
package org.autogradstudio.engine;
