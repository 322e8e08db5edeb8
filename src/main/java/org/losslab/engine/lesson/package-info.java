/**
 * What a lesson claims, measured: the quantities a lesson's checks read off the engine's own results
 * (a scenario's trajectories, a training's curves, a sweep's cells, an escape study's first passages),
 * and the comparisons that decide PASS or FAIL. Plain Java; the lesson file and its reading are
 * {@code org.losslab.format.lesson}'s.
 */
package org.losslab.engine.lesson;
