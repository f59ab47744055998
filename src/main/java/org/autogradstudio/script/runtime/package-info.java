/**
 * The object model of the script language, and the API host (Java) code uses to expose objects
 * to scripts.
 *
 * <h2>Values</h2>
 * Python values are plain Java objects where possible, for speed and easy interop:
 * int is {@code Long} (promoted to {@code BigInteger} on overflow), float is {@code Double},
 * bool is {@code Boolean}, str is {@code String}, None is {@link org.autogradstudio.script.runtime.Py#NONE}.
 * Everything else implements {@link org.autogradstudio.script.runtime.PyObject}:
 * {@link org.autogradstudio.script.runtime.PyList}, {@link org.autogradstudio.script.runtime.PyTuple},
 * {@link org.autogradstudio.script.runtime.PyDict}, {@link org.autogradstudio.script.runtime.PySet},
 * {@link org.autogradstudio.script.runtime.PyModule}, classes and instances, and host objects.
 * {@link org.autogradstudio.script.runtime.Ops} implements the language's operations on any value.
 *
 * <h2>Exposing host objects</h2>
 * <ul>
 *   <li>Implement {@link org.autogradstudio.script.runtime.PyObject} and override what the object
 *       supports: {@code getAttr}/{@code setAttr}, {@code callMethod}, {@code call},
 *       {@code binaryOp}/{@code reflectedBinaryOp}/{@code inPlaceOp} (return
 *       {@code Py.NOT_IMPLEMENTED} for unsupported operands), {@code unaryOp}, {@code compare},
 *       {@code getItem}/{@code setItem} (keys arrive as Long, {@link org.autogradstudio.script.runtime.Slice},
 *       {@code PyTuple}, {@code Py.NONE}, {@code Py.ELLIPSIS}, {@code PyList} or objects),
 *       {@code len}, {@code iter}, {@code isTrue}, {@code toDouble}/{@code toInt}/{@code index},
 *       {@code repr}/{@code str}/{@code format}, {@code enter}/{@code exit} (for {@code with}).</li>
 *   <li>Give a family of objects a shared {@link org.autogradstudio.script.runtime.HostType} from
 *       {@code type()} so {@code isinstance(x, torch.Tensor)} works; put the same HostType in the
 *       module.</li>
 *   <li>Functions are {@link org.autogradstudio.script.runtime.PyBuiltin}s; a
 *       {@link org.autogradstudio.script.runtime.Signature} binds positional and keyword arguments
 *       with Python's TypeErrors: {@code PyBuiltin.of("clamp(input, min=None, max=None)", a -> ...)}.</li>
 *   <li>Errors: {@code throw new PyException("RuntimeError", "...")} (or {@code Py.valueError(...)});
 *       scripts catch them with {@code except RuntimeError as e}.</li>
 *   <li>Modules: fill a {@link org.autogradstudio.script.runtime.PyModule} and register a factory
 *       with {@code Interpreter.registerModule}.</li>
 * </ul>
 */
package org.autogradstudio.script.runtime;
