# PyTorch side of `losslab bench-train`: the same network, data size, dtype and optimizer.
# Prints "FULL_STEPS_PER_S BATCH32_STEPS_PER_S FULL_STEPS_PER_CPU_S BATCH32_STEPS_PER_CPU_S" on its last line
# (CPU time of the whole process, every thread, as time.process_time counts it).
import math
import sys
import time

import torch

seconds = float(sys.argv[1])
torch.manual_seed(1)
n = 1000
s = torch.arange(n // 2, dtype=torch.float64) / (n // 2)
xs, ys = [], []
for c in (0, 1):
    a = 3.5 * math.pi * s + c * math.pi
    xs.append(torch.stack([s * torch.sin(a), s * torch.cos(a)], 1))
    ys.append(torch.full((n // 2, 1), float(c), dtype=torch.float64))
X = torch.cat(xs) + 0.05 * torch.randn(n, 2, dtype=torch.float64)
Y = torch.cat(ys)


def measure(batch):
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16), torch.nn.Tanh(),
                                torch.nn.Linear(16, 1)).double()
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    perm, pos = None, n

    def step():
        nonlocal perm, pos
        if batch:
            if pos >= n:
                perm, pos = torch.randperm(n), 0
            idx = perm[pos:pos + batch]
            pos += batch
            x, y = X[idx], Y[idx]
        else:
            x, y = X, Y
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    for warm in (True, False):
        limit = min(2.0, seconds) if warm else seconds
        steps, start, cpu = 0, time.perf_counter(), time.process_time()
        while True:
            for _ in range(16):
                step()
            steps += 16
            now = time.perf_counter()
            if now - start >= limit:
                break
    cpu = time.process_time() - cpu
    return steps / (now - start), steps / cpu if cpu > 0 else float("nan")


full, mini = measure(0), measure(32)
print(full[0], mini[0], full[1], mini[1])
