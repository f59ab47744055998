/**
 * The {@code torch} module family for scripts: thin Python-facing wrappers ({@link
 * org.autogradstudio.script.torch.TensorObject}, grad_fn objects, dtypes, optimizers) over the engine,
 * with PyTorch's names, keyword arguments and error messages.
 */
package org.autogradstudio.script.torch;
