// Optimizers, simplest first. Each holds its per-parameter state in buffers allocated once and
// updates the parameters θ in place from their gradients g in step().

/** A parameter tensor θ and the buffer holding its gradient g = ∂L/∂θ (same length). */
export interface Parameter {
  readonly value: Float64Array;
  readonly grad: Float64Array;
}

/** Plain SGD with optional decay: η_t = η / (1 + decay · t), θ ← θ − η_t g; t counts earlier steps. */
export class SGD {
  /** Steps taken so far. */
  t = 0;
  constructor(
    readonly params: readonly Parameter[],
    public eta: number,
    public decay = 0,
  ) {}

  /** The learning rate the next step will use, η / (1 + decay · t). */
  get currentEta(): number {
    return this.eta / (1 + this.decay * this.t);
  }

  step(): void {
    // The formula of currentEta, written out: a getter's double result would be boxed on the heap.
    const eta = this.eta / (1 + this.decay * this.t);
    for (let p = 0; p < this.params.length; p++) {
      const { value, grad } = this.params[p]!;
      for (let i = 0; i < value.length; i++) value[i] = value[i]! - eta * grad[i]!;
    }
    this.t++;
  }
}

/** Momentum: v ← β v − η g;  θ ← θ + v (v starts at 0). */
export class Momentum {
  t = 0;
  /** Velocity v, one buffer per parameter. */
  readonly v: Float64Array[];
  constructor(
    readonly params: readonly Parameter[],
    public eta: number,
    public beta = 0.9,
  ) {
    this.v = params.map((p) => new Float64Array(p.value.length));
  }

  step(): void {
    const { eta, beta } = this;
    for (let p = 0; p < this.params.length; p++) {
      const { value, grad } = this.params[p]!;
      const v = this.v[p]!;
      for (let i = 0; i < value.length; i++) {
        v[i] = beta * v[i]! - eta * grad[i]!;
        value[i] = value[i]! + v[i]!;
      }
    }
    this.t++;
  }
}

/**
 * Adam (Kingma & Ba), textbook form, with t = 1 at the first step:
 *   m ← β₁ m + (1 − β₁) g;   v ← β₂ v + (1 − β₂) g²;
 *   m̂ = m / (1 − β₁^t);     v̂ = v / (1 − β₂^t);     θ ← θ − η m̂ / (√v̂ + ε).
 */
export class Adam {
  t = 0;
  /** First moment m per parameter. */
  readonly m: Float64Array[];
  /** Second moment v per parameter. */
  readonly v: Float64Array[];
  constructor(
    readonly params: readonly Parameter[],
    public eta: number,
    public beta1 = 0.9,
    public beta2 = 0.999,
    public epsilon = 1e-8,
  ) {
    this.m = params.map((p) => new Float64Array(p.value.length));
    this.v = params.map((p) => new Float64Array(p.value.length));
  }

  step(): void {
    this.t++;
    const { eta, beta1, beta2, epsilon, t } = this;
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let p = 0; p < this.params.length; p++) {
      const { value, grad } = this.params[p]!;
      const m = this.m[p]!;
      const v = this.v[p]!;
      for (let i = 0; i < value.length; i++) {
        const g = grad[i]!;
        m[i] = beta1 * m[i]! + (1 - beta1) * g;
        v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
        const mHat = m[i]! / c1;
        const vHat = v[i]! / c2;
        value[i] = value[i]! - (eta * mHat) / (Math.sqrt(vHat) + epsilon);
      }
    }
  }
}

/** Any of the optimizers. */
export type Optimizer = SGD | Momentum | Adam;

/** The optimizer kinds, simplest first. */
export type OptimizerKind = 'sgd' | 'momentum' | 'adam';

/** An optimizer's settings: η, and decay (sgd), β (momentum), β₁, β₂ (adam); defaults 0, 0.9, 0.9, 0.999. */
export interface OptimizerConfig {
  kind: OptimizerKind;
  /** η, the learning rate. */
  eta: number;
  /** SGD learning-rate decay: η_t = η / (1 + decay · t). Default 0. */
  decay?: number | undefined;
  /** Momentum β. Default 0.9. */
  beta?: number | undefined;
  /** Adam β₁. Default 0.9. */
  beta1?: number | undefined;
  /** Adam β₂. Default 0.999. */
  beta2?: number | undefined;
}

/** A fresh optimizer (zero state) of the configured kind over `params`. */
export function createOptimizer(params: readonly Parameter[], config: OptimizerConfig): Optimizer {
  switch (config.kind) {
    case 'sgd':
      return new SGD(params, config.eta, config.decay ?? 0);
    case 'momentum':
      return new Momentum(params, config.eta, config.beta ?? 0.9);
    case 'adam':
      return new Adam(params, config.eta, config.beta1 ?? 0.9, config.beta2 ?? 0.999);
  }
}

/** Applies changed settings to a live optimizer without resetting its state. */
export function updateOptimizer(optimizer: Optimizer, config: OptimizerConfig): void {
  optimizer.eta = config.eta;
  if (optimizer instanceof SGD) optimizer.decay = config.decay ?? 0;
  else if (optimizer instanceof Momentum) optimizer.beta = config.beta ?? 0.9;
  else {
    optimizer.beta1 = config.beta1 ?? 0.9;
    optimizer.beta2 = config.beta2 ?? 0.999;
  }
}
