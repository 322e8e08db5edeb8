# The benchmark sweep in PyTorch, batched over every cell: 256 x 256 runs of SGD with heavy-ball
# momentum (torch.optim.SGD's update: b = mu*b + g, theta -= lr*b) on Rosenbrock a=1, b=100 from
# (-1.5, 2), lr log-spaced 1e-4..1e-1 along a row, momentum 0..0.99 across rows, 1000 steps.
# Every cell is one column of a (2, cells) float64 tensor; all updates are in place, fused where torch
# allows (addcmul), so each step is eight kernels. Prints the best time, the diverged count, the version.
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
    # theta[0] is x, theta[1] is y for every cell: the momentum update and the step act on both at once.
    theta = torch.empty((2, n * n), dtype=d)
    theta[0].fill_(-1.5)
    theta[1].fill_(2.0)
    x, y = theta[0], theta[1]
    g = torch.empty_like(theta)
    gx, gy = g[0], g[1]
    buf = torch.empty_like(theta)
    v = torch.empty_like(x)
    for k in range(steps):
        torch.addcmul(y, x, x, value=-1.0, out=v)    # v = y - x^2
        torch.addcmul(x, x, v, value=-200.0, out=gx)  # x - 200 x v
        gx.sub_(1.0).mul_(2.0)                        # 2(x - a) - 4b x v
        torch.mul(v, 200.0, out=gy)                   # 2b v
        if k == 0:
            buf.copy_(g)
        else:
            buf.mul_(mu).add_(g)                      # torch.optim.SGD: b = mu b + g
        theta.addcmul_(lr, buf, value=-1.0)           # theta -= lr b
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


best = float("inf")
for _ in range(repeats):
    t0 = time.perf_counter()
    f = sweep()
    best = min(best, time.perf_counter() - t0)
print(best, int((~torch.isfinite(f)).sum()), torch.__version__)
