/** {@code torch.optim}: SGD and Adam updating parameters in place, step for step as PyTorch 1.13 does. */
package org.autogradstudio.engine.optim;
