/**
 * The {@code expression} surface: a formula typed by the user, with exact value, gradient and
 * Hessian that agree with the PyTorch reference.
 *
 * <p>How the pieces fit: {@link org.losslab.engine.surface.expr.ExpressionSurface#parse} checks the
 * params and hands the text to {@code Parser} (recursive descent to a {@code Node} tree, errors as
 * {@link org.losslab.engine.surface.expr.ExpressionException} with a column); {@code Compiler}
 * folds plain-number subexpressions as Python would and picks, for each operation, the torch
 * kernel the reference would run; {@code Program} is the resulting straight-line register
 * program over second-order dual numbers, run by a small interpreter that allocates nothing;
 * {@code TorchMath} holds the scalar kernels where torch differs from {@link java.lang.Math}.
 *
 * <p>Tests compare against PyTorch 1.13 values made by {@code src/test/python/expression_reference.py}.
 */
package org.losslab.engine.surface.expr;
