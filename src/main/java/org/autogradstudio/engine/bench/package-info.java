/** Benchmarks of the engine itself (the {@code bench} command); speed is measured here, never asserted in tests. */
package org.autogradstudio.engine.bench;
