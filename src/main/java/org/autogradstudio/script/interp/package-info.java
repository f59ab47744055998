/**
 * The tree-walking interpreter: a {@code Compiler} turns the syntax tree into executable nodes
 * ({@code ExprNode}, {@code StmtNode}) with every variable resolved in advance by the
 * {@code ScopeAnalyzer} to a local slot, a closure cell, a class namespace entry or a global ref,
 * so the hot path is field reads and virtual calls. Statements return a control signal
 * (normal/break/continue/return) instead of throwing; Python exceptions are {@code PyException}s.
 *
 * <p>Safety: every loop iteration and function call checks the session's {@code Cancellation};
 * function calls count depth against {@link org.autogradstudio.script.interp.ExecContext#MAX_DEPTH};
 * Java exceptions from host code are translated by {@code ErrorTranslator} at function, try and
 * module boundaries, so scripts only ever see Python errors.
 *
 * <p>{@link org.autogradstudio.script.interp.SessionState} is the entry point used by
 * {@code org.autogradstudio.script.ScriptSession}; {@code Builtins} provides the standard
 * namespace and {@code StandardModules} the importable standard library: {@code MathModule},
 * {@code RandomModule}, {@code TimeModule}, {@code WarningsModule} (with the session's
 * {@code WarningFilters}), {@code CopyModule} and {@code TracebackModule} in Java, the rest in
 * Python resources beside these classes.
 */
package org.autogradstudio.script.interp;
