/**
 * A lesson's cells in the studio: {@link org.autogradstudio.ui.lesson.NotebookModel} and
 * {@link org.autogradstudio.ui.lesson.CellModel} (source, state, output), the code and markdown cell
 * views with syntax highlighting and LaTeX, and the course library the lesson list shows.
 */
package org.autogradstudio.ui.lesson;
