package org.autogradstudio.ui.graph;

/**
 * A forward edge: {@code from} is a tensor feeding a function (input {@code inputNr}) or a function
 * producing its tensor. {@code points} are the route's x,y pairs from source to target, laid out.
 */
public record EdgeData(String id, String from, String to, int inputNr, double[] points) {
}
