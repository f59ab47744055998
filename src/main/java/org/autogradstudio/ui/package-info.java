/**
 * The JavaFX studio, the only package that imports JavaFX: {@link org.autogradstudio.ui.StudioApp}
 * starts it, {@link org.autogradstudio.ui.Resources} loads its stylesheets and bundles (failing
 * fast), {@link org.autogradstudio.ui.I18n} switches English and Hindi at run time and
 * {@link org.autogradstudio.ui.StudioTheme} the AtlantaFX themes. Subpackages: {@code app} (the
 * window and its model), {@code lesson} (cells), {@code graph} (the drawn graph), {@code anim} (the
 * backward animation), {@code derivation} (the chain-rule panel) and {@code run} (the script thread).
 */
package org.autogradstudio.ui;
