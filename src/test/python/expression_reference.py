#!/usr/bin/python3
"""Expected values, gradients and Hessians of expression surfaces, from PyTorch (float64).

usage: /usr/bin/python3 src/test/python/expression_reference.py > \
           src/test/resources/org/losslab/engine/surface/expr/torch-expressions.csv

Each formula is evaluated exactly as /work/shared/tools/torch_reference.py does (^ read as **,
x and y are elements of one float64 tensor, t a float64 tensor, params and numbers Python floats),
the gradient by torch.autograd.grad and the Hessian by torch.autograd.functional.hessian.
Output columns: formula,params,x,y,t,f,fx,fy,hxx,hxy,hyy. params is "name=value;...".
Hessian fields are left empty where torch's Hessian is not finite or not symmetric: at kinks
(sqrt at 0, pow at 0, ...) torch's reverse-over-reverse gives NaN in entries whose exact value
is finite, and the Java side does not copy that.
"""
import math
import random

import torch

torch.set_default_dtype(torch.float64)

NS = {"sin": torch.sin, "cos": torch.cos, "tan": torch.tan, "asin": torch.asin, "acos": torch.acos,
      "atan": torch.atan, "sinh": torch.sinh, "cosh": torch.cosh, "tanh": torch.tanh, "exp": torch.exp,
      "log": torch.log, "sqrt": torch.sqrt, "abs": torch.abs, "sigmoid": torch.sigmoid,
      "softplus": torch.nn.functional.softplus, "pi": math.pi, "e": math.e,
      "min": torch.minimum, "max": torch.maximum, "pow": torch.pow}

RANDOM = "random"  # stands for 6 points drawn uniformly from [-2, 2]^2

# (formula, params, points, times)
CASES = [
    ("x^4/4 - x^2 + 0.5*(y - 0.5*x)^2 + 0.1*sin(3*x)", {}, [RANDOM, (1.7, -1.2), (0, 0)], [0]),
    ("(1 - x)^2 + 100*(y - x^2)^2", {}, [RANDOM, (1, 1)], [0]),
    ("a*(x - b)^2 + c*y^2", {"a": 1.5, "b": -0.25, "c": 3}, [RANDOM], [0]),
    ("x^k + y^k2 + x^h", {"k": 3, "k2": -2, "h": 2.5}, [RANDOM, (0.5, 0.25)], [0]),
    ("c/x + c/(x*y) + 1/y", {"c": 0.7}, [RANDOM, (0, 1)], [0]),
    ("x/y + (x + y)/(x - y)", {}, [RANDOM, (1, 0), (1, 1)], [0]),
    ("2^3^2*x - x^2 + -y^-2 + 2^-1*y", {}, [RANDOM], [0]),
    ("-x^2 - -y^3 + +x", {}, [RANDOM], [0]),
    ("x^-1 + y^0.5 + x^-0.5*y^1.5", {}, [(0.5, 0.25), (2, 3), (0, 0), (1e-3, 4)], [0]),
    ("x^0 + y^1 + x^2*y^3", {}, [RANDOM, (0, 0)], [0]),
    ("x^y", {}, [(0.5, 1.5), (2, -1.25), (1.3, 0), (0, 2), (0, 0), (0, -1), (-2, 2), (-2, 0.5), (1, 3)], [0]),
    ("pow(x, 3) + pow(2, y) + pow(x^2 + 1, y)", {}, [RANDOM], [0]),
    ("2^x + e^y + pow(0, x^2)", {}, [RANDOM, (0, 0)], [0]),
    ("sin(x*y) + cos(x - y) + tan(0.3*x + 0.2*y)", {}, [RANDOM], [0]),
    ("asin(0.4*x*y) + acos(0.3*x - 0.1*y) + atan(x/y)", {}, [RANDOM, (1, 0), (0.5, 0)], [0]),
    ("asin(x) + acos(y)", {}, [(0.3, -0.6), (1, 0.5), (0.5, -1), (2, 0)], [0]),
    ("sinh(x) - cosh(y) + tanh(x*y)", {}, [RANDOM, (20, 0.1)], [0]),
    ("exp(x - y)*log(x^2 + y^2)", {}, [RANDOM, (0, 0)], [0]),
    ("log(x) + log(y)", {}, [(0.5, 3), (0, 1), (-1, 1)], [0]),
    ("sqrt(x^2 + y^2)", {}, [RANDOM, (0, 0), (0, 1)], [0]),
    ("sqrt(x) + y^2", {}, [(0, 1), (0.25, -1), (-1, 0)], [0]),
    ("abs(x) + abs(y - 1)*x", {}, [RANDOM, (0, 1), (0, 0), (2, 1)], [0]),
    ("max(x, y) + min(x^2, y)", {}, [RANDOM, (1, 1), (-1, 1), (0.5, 0.5)], [0]),
    ("min(max(x, y - 1), x*y)", {}, [RANDOM, (2, 3), (1, 1)], [0]),
    ("max(sqrt(x), y)", {}, [(0, 1), (4, 1), (1, 1)], [0]),
    ("sigmoid(x*y) + sigmoid(x)*sigmoid(-y)", {}, [RANDOM, (40, 1), (-800, 1)], [0]),
    ("softplus(x) + softplus(-2*y)", {}, [RANDOM, (20, -10), (20.5, 1), (19.5, -9.75), (-30, 40), (25, -11)], [0]),
    ("softplus(x*y - 3)", {}, [RANDOM, (4, 5.75), (2, 11.5)], [0]),
    ("x*t + y^2*cos(t) + exp(-t/10)*x^2", {}, [RANDOM], [0, 1, 7]),
    ("x^t + y^(t/2) + pow(t, 2)*x", {}, [(0.5, 1.5), (2, 3), (0, 1)], [0, 1, 3]),
    ("(x*y)^t - t^x", {}, [(0.5, 1.5), (2, 3)], [1, 2.5]),
    ("x*e + pi*y + e^pi", {}, [RANDOM], [0]),
    ("-(sin(x)^2) + (cos(y))^2 - sin(x)^2", {}, [RANDOM], [0]),
]


def field(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(float(v))


def row(formula, params, x, y, step):
    src = formula.replace("^", "**")

    def f(p):
        env = dict(NS)
        env.update(params)
        env.update(x=p[0], y=p[1], t=torch.tensor(float(step)))
        return eval(src, {"__builtins__": {}}, env)

    p = torch.tensor([float(x), float(y)], requires_grad=True)
    v = f(p)
    (g,) = torch.autograd.grad(v, p)
    h = torch.autograd.functional.hessian(f, torch.tensor([float(x), float(y)]))
    hs = h.flatten().tolist()
    finite = all(math.isfinite(z) for z in hs) and abs(hs[1] - hs[2]) <= 1e-12 * max(1.0, abs(hs[1]))
    hfields = [field(hs[0]), field(hs[1]), field(hs[3])] if finite else ["", "", ""]
    ps = ";".join(f"{k}={float(val)!r}" for k, val in params.items())
    fx = '"' + formula + '"' if "," in formula else formula
    return ",".join([fx, ps, field(x), field(y), field(step), field(v.item()), field(g[0].item()),
                     field(g[1].item())] + hfields)


def main():
    rng = random.Random(20240611)
    print("formula,params,x,y,t,f,fx,fy,hxx,hxy,hyy")
    for formula, params, points, times in CASES:
        pts = []
        for pt in points:
            if pt == RANDOM:
                pts += [(rng.uniform(-2, 2), rng.uniform(-2, 2)) for _ in range(6)]
            else:
                pts.append(pt)
        for step in times:
            for x, y in pts:
                print(row(formula, params, x, y, step))


if __name__ == "__main__":
    main()
