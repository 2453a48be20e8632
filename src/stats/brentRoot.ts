/**
 * A root of a continuous function on a bracketing interval by Brent's method (R. P. Brent 1973, "Algorithms for
 * Minimization without Derivatives", ch. 4 — the algorithm behind R's `uniroot` / `zeroin`).
 *
 * The interval [a, b] must bracket a sign change; when it does not and `extend` is given, b is pushed outward
 * (b ← a + 2(b − a)) until it does (as R's `extendInt = "upX"` does for an increasing function). Stops when the
 * bracket is narrower than `tol` (absolute, default 1e-12 relative to |x| + 1e-14) or after 200 steps.
 *
 * @example
 * brentRoot((x) => x * x - 2, 0, 2) // 1.4142135623730951
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, options: { tol?: number; extend?: boolean; maxExtend?: number } = {}): number {
  let fa = f(a);
  let fb = f(b);
  if (options.extend) {
    let k = 0;
    while (fa * fb > 0 && k < (options.maxExtend ?? 60)) {
      const w = b - a;
      a = b;
      fa = fb;
      b = a + 2 * w;
      fb = f(b);
      k++;
    }
  }
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) return NaN;
  const tolRel = options.tol ?? 1e-12;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 200; iter++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolRel * (Math.abs(b) + 1e-14);
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
  }
  return b;
}
