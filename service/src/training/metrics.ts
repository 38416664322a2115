/** Calibration and selective-prediction measures for a field's held-out predictions. */
import { CONFIDENT_FLOOR } from "../model/heads.js";

export interface Scored {
  truth: number;
  guess: number;
  score: number;
}

export function accuracy(s: Scored[]): number {
  return s.filter((x) => x.truth === x.guess).length / (s.length || 1);
}

/** Expected calibration error over equal-width confidence bins. */
export function expectedCalibrationError(s: Scored[], bins = 10): number {
  return reliability(s, bins).reduce((e, b) => e + (b.n / s.length) * Math.abs(b.accuracy - b.confidence), 0);
}

export function reliability(s: Scored[], bins = 10): { lo: number; hi: number; n: number; accuracy: number; confidence: number }[] {
  return Array.from({ length: bins }, (_, b) => {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const inBin = s.filter((x) => x.score > lo && x.score <= hi);
    return {
      lo,
      hi,
      n: inBin.length,
      accuracy: inBin.length ? accuracy(inBin) : 0,
      confidence: inBin.length ? inBin.reduce((a, x) => a + x.score, 0) / inBin.length : 0,
    };
  });
}

/** Accuracy of the predictions kept at each abstain threshold, and the share kept. */
export function accuracyCoverage(s: Scored[], thresholds = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
  return thresholds.map((t) => {
    const kept = s.filter((x) => x.score >= t);
    return { threshold: t, coverage: kept.length / (s.length || 1), accuracy: kept.length ? accuracy(kept) : 1 };
  });
}

/** The lowest threshold whose kept predictions reach `target` accuracy (so a wrong label is rarer than no label). */
export function abstainThreshold(s: Scored[], target = 0.9): number {
  // Never under even odds (heads.ts CONFIDENT_FLOOR), however accurate the whole set is.
  for (let t = CONFIDENT_FLOOR; t <= 0.99; t += 0.01) {
    const kept = s.filter((x) => x.score >= t);
    if (kept.length && accuracy(kept) >= target) return Math.round(t * 100) / 100;
  }
  return 0.99;
}
