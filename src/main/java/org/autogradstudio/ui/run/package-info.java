/** Running cells off the FX thread: the kernel, the script worker, output and chart feeds, exports. */
package org.autogradstudio.ui.run;
