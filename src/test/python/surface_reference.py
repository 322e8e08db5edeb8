#!/usr/bin/python3
"""Values, gradients and Hessians of the closed-form surfaces from PyTorch autograd (float64).

usage: src/test/python/surface_reference.py > src/test/resources/org/losslab/engine/surface/surface-reference.csv

The formulas are those of shared/spec/scenario-format.md, written as shared/tools/torch_reference.py
writes them (Goldstein-Price in its expanded product form), so the Java surfaces are checked against
the same function torch differentiates. Each case id names a surface and its parameters; the Java
test SurfaceTorchReferenceTest builds the same surface for each id. Needs Debian's python3-torch.
"""
import math
import torch

torch.set_default_dtype(torch.float64)


def quadratic(k, angle):
    a = math.radians(angle)
    def f(p):
        u = p[0] * math.cos(a) + p[1] * math.sin(a)
        v = -p[0] * math.sin(a) + p[1] * math.cos(a)
        return 0.5 * (u * u + k * v * v)
    return f


def rosenbrock(a, b):
    return lambda p: (a - p[0]) ** 2 + b * (p[1] - p[0] ** 2) ** 2


def double_well(sc, sw, sd, fc, fw, fd, c):
    return lambda p: (-sd * torch.exp(-((p[0] - sc) ** 2 + p[1] ** 2) / (2 * sw * sw))
                      - fd * torch.exp(-((p[0] - fc) ** 2 + p[1] ** 2) / (2 * fw * fw))
                      + c * (p[0] ** 2 + p[1] ** 2))


def saddle(a, b, c):
    return lambda p: 0.5 * a * p[0] ** 2 - 0.5 * b * p[1] ** 2 + 0.25 * c * p[1] ** 4


def rastrigin(A):
    return lambda p: (2 * A + p[0] ** 2 - A * torch.cos(2 * math.pi * p[0])
                      + p[1] ** 2 - A * torch.cos(2 * math.pi * p[1]))


def ackley(p):
    r = torch.sqrt(0.5 * (p[0] ** 2 + p[1] ** 2))
    return (-20 * torch.exp(-0.2 * r) - torch.exp(0.5 * (torch.cos(2 * math.pi * p[0]) + torch.cos(2 * math.pi * p[1])))
            + math.e + 20)


def goldstein_price(p):
    x, y = p[0], p[1]
    return ((1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y))
            * (30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y)))


# case id -> (f, default view (xmin, xmax, ymin, ymax))
CASES = {
    "quadratic": (quadratic(10.0, 0.0), (-3, 3, -3, 3)),
    "quadratic-k25-a30": (quadratic(25.0, 30.0), (-3, 3, -3, 3)),
    "rosenbrock": (rosenbrock(1.0, 100.0), (-2, 2, -1, 3)),
    "doubleWell": (double_well(-1.5, 0.3, 1.0, 1.5, 1.0, 1.0, 0.05), (-3.5, 3.5, -2.5, 2.5)),
    "doubleWell-custom": (double_well(-1.0, 0.5, 2.0, 0.5, 0.8, 0.7, 0.1), (-3.5, 3.5, -2.5, 2.5)),
    "saddle": (saddle(1.0, 1.0, 0.0), (-2, 2, -2, 2)),
    "saddle-quartic": (saddle(0.5, 2.0, 1.5), (-2, 2, -2, 2)),
    "monkeySaddle": (lambda p: p[0] ** 3 - 3 * p[0] * p[1] ** 2, (-1.5, 1.5, -1.5, 1.5)),
    "beale": (lambda p: ((1.5 - p[0] + p[0] * p[1]) ** 2 + (2.25 - p[0] + p[0] * p[1] ** 2) ** 2
                         + (2.625 - p[0] + p[0] * p[1] ** 3) ** 2), (-4.5, 4.5, -4.5, 4.5)),
    "himmelblau": (lambda p: (p[0] ** 2 + p[1] - 11) ** 2 + (p[0] + p[1] ** 2 - 7) ** 2, (-5, 5, -5, 5)),
    "rastrigin": (rastrigin(10.0), (-5.12, 5.12, -5.12, 5.12)),
    "ackley": (ackley, (-5, 5, -5, 5)),
    "booth": (lambda p: (p[0] + 2 * p[1] - 7) ** 2 + (2 * p[0] + p[1] - 5) ** 2, (-10, 10, -10, 10)),
    "sixHumpCamel": (lambda p: ((4 - 2.1 * p[0] ** 2 + p[0] ** 4 / 3) * p[0] ** 2 + p[0] * p[1]
                                + (-4 + 4 * p[1] ** 2) * p[1] ** 2), (-2, 2, -1, 1)),
    "styblinskiTang": (lambda p: 0.5 * (p[0] ** 4 - 16 * p[0] ** 2 + 5 * p[0] + p[1] ** 4 - 16 * p[1] ** 2 + 5 * p[1]),
                       (-5, 5, -5, 5)),
    "goldsteinPrice": (goldstein_price, (-2, 2, -2, 2)),
}

POINTS_PER_CASE = 24


def main():
    gen = torch.Generator().manual_seed(20240601)
    print("case,x,y,f,gx,gy,hxx,hxy,hyy")
    for case, (f, (x0, x1, y0, y1)) in CASES.items():
        u = torch.rand(POINTS_PER_CASE, 2, generator=gen)
        for k in range(POINTS_PER_CASE):
            p = torch.tensor([x0 + (x1 - x0) * u[k, 0].item(), y0 + (y1 - y0) * u[k, 1].item()], requires_grad=True)
            v = f(p)
            (g,) = torch.autograd.grad(v, p)
            h = torch.autograd.functional.hessian(f, p.detach())
            row = [p[0].item(), p[1].item(), v.item(), g[0].item(), g[1].item(),
                   h[0, 0].item(), h[0, 1].item(), h[1, 1].item()]
            print(case + "," + ",".join(repr(float(z)) for z in row))


if __name__ == "__main__":
    main()
