/**
 * The script thread: user code never runs on the FX thread. {@link org.autogradstudio.ui.run.RunController}
 * queues cells and tasks on a {@link org.autogradstudio.ui.run.ScriptWorker}, hands output, graphs,
 * chart points and comparisons back to the FX thread, and stops a runaway cell through the
 * {@link org.autogradstudio.ui.run.Kernel} (the real one is {@link org.autogradstudio.ui.run.SessionKernel}).
 */
package org.autogradstudio.ui.run;
