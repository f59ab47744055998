/**
 * Training made visible: the model view (the data with the current fitted line, the logistic curve
 * and its decision boundary, or a classifier's decision regions) sampled from the engine while a
 * loop runs, the caption saying that the drawn graph is the last of the loop's rebuilt graphs, and
 * the optimizer choice.
 */
package org.autogradstudio.ui.train;
