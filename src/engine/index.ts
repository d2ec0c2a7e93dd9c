// The engine's public API: a pure-TypeScript neural-network library for the course's widgets,
// exercises and CLIs. No DOM, no globals, no Math.random; Float64Array storage throughout.

export { EngineError } from './errors';
export { createRng, hashSeed, type Rng } from './random';
export { sigmoid, softplus, logSumExp, softmax } from './numerics';
export { activations, LEAKY_SLOPE, type Activation, type ActivationName } from './activations';
export { jsKernels, matmulAB, matmulABt, matmulAtB, type Kernels } from './kernels';
export { createAutoKernels, createWasmKernels, WASM_THRESHOLD, type WasmKernels } from './kernels-wasm';
export {
  absolute,
  gaussianNll,
  heads,
  mse,
  sigmoidCrossEntropy,
  softmaxCrossEntropy,
  type Head,
  type LossFunction,
  type LossName,
} from './losses';
export { l1Penalty, l2Penalty } from './regularizers';
export { defaultInit, type InitName } from './init';
export { Dense } from './layer';
export {
  createModel,
  forwardBackward,
  trainingPass,
  LIMITS,
  lossAndGradients,
  Model,
  type GradientsJSON,
  type HiddenSpec,
  type ModelSpec,
} from './model';
export { lossNames, modelFromJSON, modelToJSON, type LayerJSON, type ModelJSON } from './model-json';
export {
  Adam,
  createOptimizer,
  Momentum,
  SGD,
  type Optimizer,
  type OptimizerConfig,
  type OptimizerKind,
  type Parameter,
} from './optimizers';
export {
  cleanFunction,
  datasetFromArrays,
  makeDataset,
  MiniBatches,
  parityTable,
  splitDataset,
  subset,
  type ClassificationName,
  type ClassificationSpec,
  type Dataset,
  type DatasetName,
  type DatasetSpec,
  type NoiseKind,
  type ParitySpec,
  type RegressionName,
  type RegressionSpec,
  type Split,
  type SplitSpec,
} from './data';
export {
  evaluateDataset,
  penalty,
  predict,
  predictCurve,
  predictGrid,
  predictInto,
  type Evaluation,
} from './metrics';
export { createGridPredictor, type GridPredictor } from './grid-f32';
export { countLinearPieces, type LinearPieces, type LinearSegment } from './pieces';
export {
  gradientCheck,
  type GradientCheckEntry,
  type GradientCheckResult,
} from './gradient-check';
export {
  montufarBound,
  montufarDeepBound,
  parameterCount,
  tent,
  tentNetwork,
  tentOnZeroTwo,
  tentPower,
} from './depth';
export {
  Trainer,
  type ArrayData,
  type HiddenLayerConfig,
  type Metrics,
  type MetricsHistory,
  type NetworkConfig,
  type TrainerChange,
  type TrainerConfig,
  type TrainerData,
  type TrainerSnapshot,
} from './trainer';
export {
  createTrainerHost,
  type DataPart,
  type DataPayload,
  type HostOptions,
  type HostReply,
  type HostRequest,
  type Post,
  type TrainerHost,
  type WeightsPayload,
} from './worker-protocol';
