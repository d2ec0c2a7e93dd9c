// The binary-loss panel: the two written forms of the loss agree, the table in the lesson is
// right, the slopes are the derivatives, and the deck's slip is σ(−f).
import { describe, expect, it } from 'vitest';
import { binaryCurves, clampState, F_RANGE, logFormLoss, readout } from '@widgets/lesson2/binary-loss/model';
import { describe as describeCharts, lossOptions, slopeOptions } from '@widgets/lesson2/binary-loss/view';

describe('binary loss forms', () => {
  it('softplus((1 − 2y) f) and −y ln p − (1 − y) ln(1 − p) agree to 1e-12 on the whole slider range', () => {
    let worst = 0;
    for (let f = F_RANGE.min; f <= F_RANGE.max + 1e-9; f += 0.01) {
      for (const y of [0, 1] as const) worst = Math.max(worst, readout({ f, y }).difference);
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it("the lesson's table: σ(f) and softplus(∓f) at f = −4, −2, 0, 2, 4 (from 1/(1 + e^−f) and ln(1 + e^±f))", () => {
    const fs = [-4, -2, 0, 2, 4];
    expect(fs.map((f) => readout({ f, y: 1 }).p.toFixed(3))).toEqual(['0.018', '0.119', '0.500', '0.881', '0.982']);
    expect(fs.map((f) => readout({ f, y: 1 }).softplusForm.toFixed(3))).toEqual(['4.018', '2.127', '0.693', '0.127', '0.018']);
    expect(fs.map((f) => readout({ f, y: 0 }).softplusForm.toFixed(3))).toEqual(['0.018', '0.127', '0.693', '2.127', '4.018']);
    for (const f of fs) expect(readout({ f, y: 1 }).softplusForm).toBeCloseTo(Math.log(1 + Math.exp(-f)), 14);
  });

  it("the deck's 1/(e^f + 1) is σ(−f): 0.119 at f = 2 where σ(2) ≈ 0.881", () => {
    const r = readout({ f: 2, y: 1 });
    expect(r.p.toFixed(3)).toBe('0.881');
    expect(r.deckSlip.toFixed(3)).toBe('0.119');
    expect(r.deckSlip).toBeCloseTo(1 - r.p, 15);
    // At f = 0 both give ½: checking the slip at one point is not enough.
    expect(readout({ f: 0, y: 1 }).deckSlip).toBe(0.5);
  });

  it('the probability of the observed label is σ((2y − 1) f) and the loss is its −log', () => {
    for (const f of [-3, 0.5, 6]) {
      for (const y of [0, 1] as const) {
        const r = readout({ f, y });
        expect(r.pObserved).toBeCloseTo(y === 1 ? r.p : 1 - r.p, 14);
        expect(r.softplusForm).toBeCloseTo(-Math.log(r.pObserved), 12);
      }
    }
  });

  it('the slopes are the derivatives of the losses in f (central differences)', () => {
    const h = 1e-5;
    for (const f of [-5, -1, 0.3, 4]) {
      for (const y of [0, 1] as const) {
        const r = readout({ f, y });
        const ce = (readout({ f: f + h, y }).softplusForm - readout({ f: f - h, y }).softplusForm) / (2 * h);
        const sq = (readout({ f: f + h, y }).squaredOnP - readout({ f: f - h, y }).squaredOnP) / (2 * h);
        expect(r.slope).toBeCloseTo(ce, 8);
        expect(r.squaredOnPSlope).toBeCloseTo(sq, 8);
      }
    }
  });

  it('cross-entropy keeps a slope near −1 when confidently wrong; squared error on p loses it', () => {
    const r = readout({ f: -8, y: 1 });
    expect(r.slope).toBeLessThan(-0.999);
    expect(Math.abs(r.squaredOnPSlope)).toBeLessThan(0.001);
    expect(readout({ f: 8, y: 1 }).slope).toBeGreaterThan(-0.001);
  });

  it('the form from p breaks where the form from f does not (f = 40, y = 0: ln 0)', () => {
    expect(logFormLoss(1 / (1 + Math.exp(-40)), 0)).toBe(Infinity);
    expect(readout({ f: 40, y: 0 }).softplusForm).toBeCloseTo(40, 12);
  });

  it('clamps f into the slider range and reads any label but 0 as 1', () => {
    expect(clampState(100, 0)).toEqual({ f: F_RANGE.max, y: 0 });
    expect(clampState(Number.NaN, 7)).toEqual({ f: F_RANGE.initial, y: 1 });
  });
});

describe('binary loss view', () => {
  const style = { fg: '#000', colors: ['#0072B2', '#D55E00'] as const, width: 400, present: false };
  it('draws both losses over the slider range and describes them in words', () => {
    const pts = binaryCurves(1);
    expect(pts.filter((p) => p.loss === 'cross-entropy')).toHaveLength(321);
    expect(lossOptions({ f: 1, y: 1 }, style).marks?.length).toBeGreaterThan(4);
    expect((slopeOptions({ f: 1, y: 0 }, style).y as { domain: number[] }).domain).toEqual([-1.05, 1.05]);
    const text = describeCharts({ f: -3, y: 1 });
    expect(text.loss).toContain('the prediction is wrong');
    expect(describeCharts({ f: 3, y: 1 }).loss).toContain('the prediction is right');
  });
});
