/**
 * The main window and what hangs off it: menus (File > Export among them), toolbar, lesson list,
 * presenter mode, key bindings, training charts and dialogs.
 */
package org.autogradstudio.ui.app;
