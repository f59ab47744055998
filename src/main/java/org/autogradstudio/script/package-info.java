/**
 * The Python-subset interpreter that runs autograd notebooks: public entry points.
 *
 * <ul>
 *   <li>{@link org.autogradstudio.script.Interpreter}: registry of importable modules
 *       ({@code registerModule("torch", factory)}, {@code addModulePath(folder)},
 *       {@code addSourceModule(name, file, text)}) and factory of sessions.</li>
 *   <li>{@link org.autogradstudio.script.ScriptSession}: a persistent namespace;
 *       {@code runScript(source, file)} (like {@code python3 file.py}),
 *       {@code runCell(source, file, firstLine)} (notebook cell; trailing expression echoed),
 *       {@code runCells(source, file)} (split at {@code # %%}), {@code cancel()} from any thread,
 *       {@code setTimeoutMillis}, {@code globals()} for the graph view's variable names,
 *       {@code reset()}.</li>
 *   <li>{@link org.autogradstudio.script.RunResult}: ok, echo, the Python exception and the
 *       traceback text exactly as Python prints it.</li>
 *   <li>{@link org.autogradstudio.script.Cells}: the notebook splitter of the conformance runner.</li>
 *   <li>{@link org.autogradstudio.script.PyFormat}: float repr and format specs.</li>
 * </ul>
 *
 * <p>Host objects and modules are written against {@code org.autogradstudio.script.runtime}
 * (see its package documentation): implement {@code PyObject}, build functions with
 * {@code PyBuiltin}/{@code Signature}, raise {@code PyException("RuntimeError", msg)}.
 *
 * <p>Sandbox: the language has no file, network or process access; {@code open()} raises
 * {@code OSError}, and {@code import os} (or any unregistered module) raises
 * {@code ModuleNotFoundError}. Runaway code is stopped by cancellation; recursion is limited to
 * 1000 frames; Java exceptions never reach the script or the caller.
 *
 * <p>Packages: {@code syntax} (lexer, parser, AST), {@code runtime} (object model and host API),
 * {@code interp} (compiler to executable nodes, builtins, math/random).
 */
package org.autogradstudio.script;
