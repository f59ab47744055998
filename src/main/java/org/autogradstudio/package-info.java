/**
 * Autograd Studio. {@link org.autogradstudio.Main} chooses between the headless command line
 * ({@code cli}) and the studio ({@code ui}); see the sub-packages for everything else.
 */
package org.autogradstudio;
