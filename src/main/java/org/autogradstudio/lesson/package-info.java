/**
 * Lessons: the Jupytext percent format ({@link org.autogradstudio.lesson.PercentFormat}), notebook
 * import, atomic saving, and running a lesson's cells in one interpreter session with the
 * comparisons of manual and automatic gradients the lesson asks for. No JavaFX here.
 */
package org.autogradstudio.lesson;
