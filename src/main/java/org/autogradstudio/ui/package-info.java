/**
 * The studio (JavaFX, the only package tree that imports it): the application, its theme and its
 * interface strings ({@link org.autogradstudio.ui.I18n}, English and Hindi, switched at run time).
 */
package org.autogradstudio.ui;
