/**
 * The drawn graph: vertices and edges laid out from the engine's recorded graph, the canvas that
 * shows animation frames, selection, keyboard navigation between vertices and their accessible text.
 */
package org.autogradstudio.ui.graph;
