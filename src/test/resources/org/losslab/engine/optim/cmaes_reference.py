"""CMA-ES reference, float64, from N. Hansen, "The CMA Evolution Strategy: A Tutorial",
arXiv:1604.00772 (2016): Table 1's default parameters and Fig. 6's generation, written out
with NumPy alone (no CMA library). It reads the engine's standard normal draws (cmaes-draws.csv,
written by CmaEsReferenceTest.main) so that both sample the same populations, and writes
cmaes-reference.csv: m, sigma and C after every generation. Sampling is y = C^(1/2) z with the
symmetric root (same law as the tutorial's B D z; independent of eigh's sign and order).

    java -cp target/test-classes:target/losslab.jar org.losslab.engine.optim.CmaEsTest \
        src/test/resources/org/losslab/engine/optim          (writes the draws)
    cd src/test/resources/org/losslab/engine/optim && python3 cmaes_reference.py
"""
import csv
import numpy as np

CASES = {  # name: (n, population or None, sigma0, c_m, start, generations)
    "rosenbrock2": (2, None, 0.5, 1.0, [-1.2, 1.0], 30),
    "rosenbrock3": (3, 7, 0.3, 0.7, [0.5, -0.5, 1.5], 20),
}


def f(x):  # chained Rosenbrock with b = 10, as in the Java test
    return sum((1 - x[i]) ** 2 + 10 * (x[i + 1] - x[i] ** 2) ** 2 for i in range(len(x) - 1))


def roots(C):
    d, B = np.linalg.eigh(C)
    return B @ np.diag(np.sqrt(d)) @ B.T, B @ np.diag(1 / np.sqrt(d)) @ B.T


def run(n, lam, sigma, cm, m, gens, draws):
    lam = lam or 4 + int(np.floor(3 * np.log(n)))
    mu = lam // 2
    wp = np.log((lam + 1) / 2) - np.log(np.arange(1, lam + 1))
    mueff = wp[:mu].sum() ** 2 / (wp[:mu] ** 2).sum()
    mueffm = wp[mu:].sum() ** 2 / (wp[mu:] ** 2).sum()
    c1 = 2 / ((n + 1.3) ** 2 + mueff)
    cmu = min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) ** 2 + 2 * mueff / 2))
    amin = min(1 + c1 / cmu, 1 + 2 * mueffm / (mueff + 2), (1 - c1 - cmu) / (n * cmu))
    w = np.where(wp >= 0, wp / wp[wp >= 0].sum(), amin * wp / -wp[wp < 0].sum())
    cs = (mueff + 2) / (n + mueff + 5)
    ds = 1 + 2 * max(0, np.sqrt((mueff - 1) / (n + 1)) - 1) + cs
    cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n)
    chin = np.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n))
    m, ps, pc, C = np.array(m, float), np.zeros(n), np.zeros(n), np.eye(n)
    out, pos = [], 0
    for g in range(gens):
        sq, isq = roots(C)
        z = np.array(draws[pos:pos + lam * n]).reshape(lam, n)
        pos += lam * n
        y = z @ sq.T
        fx = [f(m + sigma * yk) for yk in y]
        y = y[np.argsort(fx, kind="stable")]
        yw = w[:mu] @ y[:mu]
        m = m + cm * sigma * yw
        ps = (1 - cs) * ps + np.sqrt(cs * (2 - cs) * mueff) * (isq @ yw)
        hs = np.linalg.norm(ps) / np.sqrt(1 - (1 - cs) ** (2 * (g + 1))) < (1.4 + 2 / (n + 1)) * chin
        pc = (1 - cc) * pc + hs * np.sqrt(cc * (2 - cc) * mueff) * yw
        wo = np.where(w >= 0, w, w * n / np.sum((y @ isq.T) ** 2, axis=1))
        delta = (1 - hs) * cc * (2 - cc)
        C = (1 + c1 * delta - c1 - cmu * w.sum()) * C + c1 * np.outer(pc, pc) + cmu * (wo * y.T) @ y
        sigma = sigma * np.exp(cs / ds * (np.linalg.norm(ps) / chin - 1))
        out.append((g + 1, m.copy(), sigma, C.copy()))
    return out


draws = {}
with open("cmaes-draws.csv") as fh:
    for row in csv.DictReader(fh):
        draws.setdefault(row["case"], []).append(float(row["z"]))
with open("cmaes-reference.csv", "w", newline="") as fh:
    wr = csv.writer(fh, lineterminator="\n")
    wr.writerow(["case", "generation", "key", "value"])
    for name, (n, lam, s0, cm, start, gens) in CASES.items():
        for g, m, sigma, C in run(n, lam, s0, cm, start, gens, draws[name]):
            for i in range(n):
                wr.writerow([name, g, f"m{i}", repr(float(m[i]))])
            wr.writerow([name, g, "sigma", repr(float(sigma))])
            for i in range(n):
                for j in range(n):
                    wr.writerow([name, g, f"c{i}{j}", repr(float(C[i, j]))])
