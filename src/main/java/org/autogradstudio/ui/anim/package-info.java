/**
 * The forward and backward animation: {@link org.autogradstudio.ui.anim.StepPlan} turns a graph's
 * recorded backward steps into frames, {@link org.autogradstudio.ui.anim.AnimationModel} plays and
 * steps them (play, pause, step, start, end, speed) and
 * {@link org.autogradstudio.ui.anim.AnimationControls} are its buttons.
 */
package org.autogradstudio.ui.anim;
