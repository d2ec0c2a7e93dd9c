import { describe, expect, test } from 'vitest';
import { createModel, EngineError, modelFromJSON, modelToJSON } from '../../src/engine';

const example = {
  inputs: 2,
  layers: [
    { activation: 'tanh', weights: [[0.1, -0.2], [0.3, 0.4], [0.5, 0.6]], biases: [0, 0, 0] },
    { activation: 'identity', weights: [[1, -1, 0.5]], biases: [0.1] },
  ],
  loss: 'mse',
};

/** A deep copy with one change, for building bad files. */
function variant(change: (json: any) => void): unknown {
  const json = structuredClone(example) as any;
  change(json);
  return json;
}

describe('model files', () => {
  test('the documented example parses: W is h×d with weights[j][k] = W_jk', () => {
    const model = modelFromJSON(example);
    expect(model.inputs).toBe(2);
    expect(model.layers.map((l) => [l.units, l.inputs, l.activation.name])).toEqual([
      [3, 2, 'tanh'],
      [1, 3, 'identity'],
    ]);
    // Row j = unit j, column k = input k, row-major: W[j·d + k].
    expect(model.layers[0]!.W[1 * 2 + 0]).toBe(0.3);
    expect(model.layers[0]!.W[2 * 2 + 1]).toBe(0.6);
  });

  test('round trip is exact, including awkward numbers, through JSON text too', () => {
    const awkward = {
      inputs: 1,
      layers: [
        { activation: 'relu', weights: [[0.1 + 0.2], [5e-324], [-1.7976931348623157e308]], biases: [1 / 3, -0, 1e-300], keep: 0.5 },
        { activation: 'identity', weights: [[Math.PI, -Math.E, 123456789.123456789]], biases: [2 ** -52] },
      ],
      loss: 'gaussian-nll',
      sigma: 0.3,
    };
    const once = modelToJSON(modelFromJSON(awkward));
    expect(once).toEqual(awkward);
    expect(JSON.stringify(modelToJSON(modelFromJSON(JSON.parse(JSON.stringify(once)))))).toBe(JSON.stringify(once));
    expect(modelToJSON(modelFromJSON(example))).toEqual(example);
  });

  test('a created model survives the round trip bit for bit', () => {
    const model = createModel(
      { inputs: 4, hidden: [{ units: 7, activation: 'relu' }, { units: 5, activation: 'sigmoid' }], outputs: 3, loss: 'softmax-cross-entropy' },
      11,
    );
    const back = modelFromJSON(JSON.parse(JSON.stringify(modelToJSON(model))));
    back.layers.forEach((layer, l) => {
      expect(layer.W).toEqual(model.layers[l]!.W);
      expect(layer.b).toEqual(model.layers[l]!.b);
    });
  });

  test('a JSON string is accepted; invalid JSON text is an EngineError', () => {
    expect(modelFromJSON(JSON.stringify(example)).outputs).toBe(1);
    expect(() => modelFromJSON('{"inputs": NaN}')).toThrow(EngineError);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not an object', [1, 2], /model must be a JSON object/],
    ['inputs 0', variant((j) => (j.inputs = 0)), /^inputs/],
    ['inputs 785', variant((j) => (j.inputs = 785)), /^inputs/],
    ['no layers', variant((j) => (j.layers = [])), /^layers/],
    ['a row too short', variant((j) => (j.layers[1].weights[0] = [1, -1])), /layers\[1\]\.weights\[0\]/],
    ['rows ≠ next inputs', variant((j) => (j.layers[0].weights.pop(), j.layers[0].biases.pop())), /layers\[1\]\.weights\[0\]/],
    ['NaN weight', variant((j) => (j.layers[0].weights[1][0] = Number.NaN)), /layers\[0\]\.weights\[1\]\[0\] is not a finite number/],
    ['Infinity bias', variant((j) => (j.layers[1].biases[0] = Infinity)), /layers\[1\]\.biases\[0\] is not a finite number/],
    ['string number', variant((j) => (j.layers[0].weights[0][1] = '0.5')), /layers\[0\]\.weights\[0\]\[1\] is not a finite number/],
    ['null number', variant((j) => (j.layers[1].weights[0][2] = null)), /layers\[1\]\.weights\[0\]\[2\] is not a finite number/],
    ['biases too long', variant((j) => j.layers[0].biases.push(0)), /layers\[0\]\.biases/],
    ['unknown activation', variant((j) => (j.layers[0].activation = 'swish')), /layers\[0\]\.activation/],
    ['non-identity output', variant((j) => (j.layers[1].activation = 'tanh')), /layers\[1\]\.activation/],
    ['unknown loss', variant((j) => (j.loss = 'hinge')), /^loss/],
    ['missing sigma', variant((j) => (j.loss = 'gaussian-nll')), /sigma/],
    ['sigma ≤ 0', variant((j) => ((j.loss = 'gaussian-nll'), (j.sigma = 0))), /sigma/],
    ['softmax with 1 output', variant((j) => (j.loss = 'softmax-cross-entropy')), /loss/],
    ['keep out of range', variant((j) => (j.layers[0].keep = 0)), /layers\[0\]\.keep/],
    ['too wide', variant((j) => {
      j.layers[0].weights = Array.from({ length: 1025 }, () => [0, 0]);
      j.layers[0].biases = new Array(1025).fill(0);
      j.layers[1].weights = [new Array(1025).fill(0)];
    }), /layers\[0\]\.weights/],
    ['too many layers', variant((j) => {
      j.inputs = 1;
      j.layers = [
        ...Array.from({ length: 9 }, () => ({ activation: 'relu', weights: [[1]], biases: [0] })),
        { activation: 'identity', weights: [[1]], biases: [0] },
      ];
    }), /^layers has 9 hidden layers/],
  ];
  test.each(bad)('%s throws an EngineError naming the field', (_name, json, field) => {
    expect(() => modelFromJSON(json)).toThrow(EngineError);
    expect(() => modelFromJSON(json)).toThrow(field);
  });
});
