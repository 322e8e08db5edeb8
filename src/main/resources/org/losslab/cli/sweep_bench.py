# The benchmark sweep in PyTorch, batched over every cell: 256 x 256 runs of SGD with heavy-ball
# momentum (torch.optim.SGD's update: b = mu*b + g, theta -= lr*b) on Rosenbrock a=1, b=100 from
# (-1.5, 2), lr log-spaced 1e-4..1e-1 along a row, momentum 0..0.99 across rows, 1000 steps.
# Every cell is one element of a float64 tensor; all updates are in place. Prints the best time.
import sys
import time
import torch

threads, repeats, n, steps = (int(a) for a in sys.argv[1:5])
torch.set_num_threads(threads)
torch.set_grad_enabled(False)
d = torch.float64
lr = torch.logspace(-4, -1, n, dtype=d).repeat(n)
mu = torch.linspace(0, 0.99, n, dtype=d).repeat_interleave(n)


def sweep():
    x = torch.full((n * n,), -1.5, dtype=d)
    y = torch.full((n * n,), 2.0, dtype=d)
    u = torch.empty_like(x)
    v = torch.empty_like(x)
    gx = torch.empty_like(x)
    gy = torch.empty_like(x)
    bx = torch.empty_like(x)
    by = torch.empty_like(x)
    for k in range(steps):
        torch.mul(x, x, out=v)
        torch.sub(y, v, out=v)                       # v = y - x^2
        torch.mul(x, v, out=gx)
        gx.mul_(-400.0)                              # -4b x v
        torch.sub(x, 1.0, out=u)
        gx.add_(u, alpha=2.0)                        # + 2(x - a)
        torch.mul(v, 200.0, out=gy)                  # 2b v
        if k == 0:
            bx.copy_(gx)
            by.copy_(gy)
        else:
            bx.mul_(mu).add_(gx)
            by.mul_(mu).add_(gy)
        x.addcmul_(lr, bx, value=-1.0)
        y.addcmul_(lr, by, value=-1.0)
    f = (1 - x) ** 2 + 100 * (y - x * x) ** 2
    return f


best = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    f = sweep()
    best = min(best, time.perf_counter() - t0)
print(best, int((~torch.isfinite(f)).sum()), torch.__version__)
