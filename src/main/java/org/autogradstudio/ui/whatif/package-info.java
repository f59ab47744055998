/**
 * What-if: sliders on the scalar leaves of the drawn graph. Moving one replays the recorded forward
 * pass with the engine on copies of the leaves (the script's own tensors are untouched), runs the
 * engine's backward on the replay and shows that graph, so values, gradients, the drawing and the
 * chain rule follow the slider.
 */
package org.autogradstudio.ui.whatif;
