/**
 * The command line: {@code run}, {@code graph}, {@code trace}, {@code check}, {@code bench}, over the
 * same engine, interpreter, graph and lesson code the studio uses. Knows nothing of the ui.
 */
package org.autogradstudio.cli;
