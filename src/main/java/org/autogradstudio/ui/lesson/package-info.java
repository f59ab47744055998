/** The notebook: lesson library, code and markdown cells, their models and views. */
package org.autogradstudio.ui.lesson;
