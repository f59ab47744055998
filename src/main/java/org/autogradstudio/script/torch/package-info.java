/**
 * The {@code torch} module family for scripts: thin Python-facing wrappers ({@link
 * org.autogradstudio.script.torch.TensorObject}, grad_fn objects, dtypes, optimizers) over the engine,
 * with PyTorch's names, keyword arguments and error messages; {@code torch.nn} layers and their state
 * ({@code NnLayers}, {@code NnState}, {@code NnUtils}), optimizers and schedules ({@code OptimModule},
 * {@code LrSchedulers}), {@code torch.autograd.Function} ({@code AutogradFunction}), devices and
 * generators; and {@code torch.utils.data}, written in Python itself ({@code data.py} beside these
 * classes, run by the interpreter like a script's own module).
 */
package org.autogradstudio.script.torch;
