/** The backward animation: the plan of frames from a recorded pass, its model (position, play) and controls. */
package org.autogradstudio.ui.anim;
