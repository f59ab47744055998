/**
 * Lexer, parser and syntax tree of the Python subset that Autograd Studio runs.
 *
 * <p>{@link org.autogradstudio.script.syntax.Parser#parseModule} turns a
 * {@link org.autogradstudio.script.syntax.SourceText} into a list of
 * {@link org.autogradstudio.script.syntax.Stmt}; expressions are
 * {@link org.autogradstudio.script.syntax.Expr} records. Every node carries Python's 1-based line
 * and 0-based column. Errors are {@link org.autogradstudio.script.syntax.PySyntaxError}s that
 * carry the text Python prints (message, line, caret), including Python 3.11's wording for the
 * common mistakes ("expected ':'", "'(' was never closed", "unexpected indent" ...).
 *
 * <p>The tree is plain data: the interpreter compiles it into executable nodes, so nothing here
 * knows about values or execution.
 */
package org.autogradstudio.script.syntax;
