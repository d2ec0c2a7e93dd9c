// Drives the engine with 10,000 random training configurations, valid and invalid, for a few
// steps each. Nothing but an EngineError (with a message) may escape, and every non-finite
// state must be reported as 'diverged' with an explanation — never a silent NaN.
import { describe, expect, it } from 'vitest';
import { createRng, EngineError, Trainer, type ActivationName, type DatasetSpec, type LossName, type TrainerConfig } from '@engine';

const ACTIVATIONS: ActivationName[] = ['identity', 'relu', 'leaky-relu', 'sigmoid', 'tanh', 'softplus'];
const RUNS = 10_000;

export function randomConfig(seed: number): { config: TrainerConfig; valid: boolean } {
  const r = createRng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[r.int(xs.length)]!;
  const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + r.next() * (Math.log(hi) - Math.log(lo)));
  const kind = pick(['regression', 'classification', 'parity'] as const);
  let data: DatasetSpec;
  let losses: LossName[];
  if (kind === 'regression') {
    data = { name: pick(['sine', 'step', 'abs', 'zigzag', 'poly'] as const), n: 10 + r.int(40), noise: pick(['gaussian', 'laplace'] as const), noiseScale: r.next(), outliers: r.next() < 0.3 ? r.next() * 0.3 : 0 };
    losses = ['mse', 'absolute', 'gaussian-nll'];
  } else if (kind === 'classification') {
    const name = pick(['blobs', 'circle', 'xor', 'spirals', 'moons'] as const);
    const classes = name === 'blobs' ? 2 + r.int(4) : name === 'spirals' ? 2 + r.int(2) : 2;
    data = { name, n: 12 + r.int(40), classes, labelNoise: r.next() < 0.3 ? r.next() * 0.4 : 0 };
    losses = classes === 2 ? ['softmax-cross-entropy', 'sigmoid-cross-entropy'] : ['softmax-cross-entropy'];
  } else {
    data = { name: 'parity', bits: 1 + r.int(5) };
    losses = ['sigmoid-cross-entropy', 'softmax-cross-entropy'];
  }
  const hidden = Array.from({ length: r.int(4) }, () => ({ units: 1 + r.int(16), activation: pick(ACTIVATIONS) }));
  const config: TrainerConfig = {
    network: { hidden, loss: pick(losses), sigma: 0.05 + r.next() * 2 },
    data,
    split: { validation: r.next() < 0.5 ? 0.2 : 0 },
    optimizer: { kind: pick(['sgd', 'momentum', 'adam'] as const), eta: logUniform(1e-4, 1e3) },
    batchSize: 1 + r.int(64),
    l1: r.next() < 0.3 ? logUniform(1e-5, 10) : 0,
    l2: r.next() < 0.3 ? logUniform(1e-5, 10) : 0,
    keep: r.next() < 0.3 ? 0.2 + 0.8 * r.next() : 1,
    earlyStopping: r.next() < 0.2,
    seed: r.int(2 ** 31),
  };
  // One run in ten is corrupted the way a hand-edited link or a buggy widget might corrupt it.
  if (r.next() < 0.1) {
    const bad = pick(['eta', 'batch', 'keep', 'units', 'l2', 'activation'] as const);
    const value = pick([Number.NaN, Infinity, -1, 0, 1e9]);
    if (bad === 'eta') config.optimizer.eta = value;
    if (bad === 'batch') config.batchSize = value;
    if (bad === 'keep') config.keep = value === 1e9 ? 2 : value;
    if (bad === 'units') config.network = { ...config.network, hidden: [{ units: value === 1e9 ? 5000 : value }] };
    if (bad === 'l2') config.l2 = value === 1e9 ? Number.NaN : value === 0 ? -3 : value;
    if (bad === 'activation') config.network = { ...config.network, activation: 'swish' as ActivationName, hidden: [3] };
    return { config, valid: false };
  }
  return { config, valid: true };
}

function allWeightsFinite(t: Trainer): boolean {
  for (const layer of t.model.layers) {
    for (const v of layer.W) if (!Number.isFinite(v)) return false;
    for (const v of layer.b) if (!Number.isFinite(v)) return false;
  }
  return true;
}

describe(`engine fuzz: ${RUNS} random configurations`, () => {
  it('never lets anything but a named EngineError escape, and reports every non-finite state', () => {
    const tally = { ok: 0, diverged: 0, rejected: 0, invalidAccepted: 0 };
    for (let i = 0; i < RUNS; i++) {
      const { config, valid } = randomConfig(1000 + i);
      let trainer: Trainer;
      try {
        trainer = new Trainer(config);
      } catch (e) {
        if (!(e instanceof EngineError)) throw new Error(`run ${i}: ${String(e)} escaped for ${JSON.stringify(config)}`);
        expect(e.message.length, `run ${i}: an error without a message`).toBeGreaterThan(10);
        expect(valid, `run ${i}: a valid config was rejected: ${e.message} ${JSON.stringify(config)}`).toBe(false);
        tally.rejected++;
        continue;
      }
      if (!valid) tally.invalidAccepted++;
      let m = trainer.step(3);
      if (m.status === 'ok') m = trainer.step(2);
      if (m.status === 'diverged') {
        expect(m.message, `run ${i}: diverged without a message`).toMatch(/\w{3,}/);
        tally.diverged++;
        // once diverged, further steps change nothing and keep saying so
        const again = trainer.step(1);
        expect(again.status).toBe('diverged');
      } else {
        expect(Number.isFinite(m.trainLoss), `run ${i}: status ok with loss ${m.trainLoss}`).toBe(true);
        expect(allWeightsFinite(trainer), `run ${i}: status ok with a non-finite weight`).toBe(true);
        tally.ok++;
      }
    }
    // the fuzzer must actually exercise all three outcomes
    expect(tally.ok).toBeGreaterThan(RUNS * 0.3);
    expect(tally.diverged).toBeGreaterThan(RUNS * 0.02);
    expect(tally.rejected).toBeGreaterThan(RUNS * 0.03);
    console.info(`engine fuzz: ${JSON.stringify(tally)}`);
  });
});
