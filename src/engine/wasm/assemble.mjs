// Writes the WebAssembly SIMD matrix kernels: builds their WAT text (register-blocked f64x2
// micro-kernels, generated so the block shape is one parameter), assembles it with wabt and stores
// the bytes in kernels-bytes.ts, so no build tool or download is needed at run time.
// Run: `npm run build:wasm` (or `node src/engine/wasm/assemble.mjs`); a unit test reassembles and
// compares, so the WAT below and the committed bytes cannot drift apart.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Rows and f64x2 vectors (2 columns each) of the main register block: 4 × 4 = 8 accumulators. */
export const BLOCK = Object.freeze({ rows: 4, vectors: 2 });

/**
 * A micro-kernel computing an R × (2V) block of C (or R × 1 when V = 0) over the whole inner
 * dimension: C(r, c) = Σ_p A(r, p) B(p, c), with A(r, p) at pa + r·rsA + p·csA and B(p, c) at
 * pb + p·ldb + 8c (all in bytes). A values are splatted, rows of B are loaded as vectors.
 */
function microKernel(R, V) {
  const name = `$mk_${R}_${V}`;
  const scalar = V === 0;
  const accs = [];
  for (let r = 0; r < R; r++) {
    if (scalar) accs.push(`$s${r}`);
    else for (let v = 0; v < V; v++) accs.push(`$a${r}_${v}`);
  }
  const lines = [];
  lines.push(`(func ${name} (param $pa i32) (param $rsA i32) (param $csA i32) (param $pb i32) (param $ldb i32) (param $pc i32) (param $ldc i32) (param $k i32)`);
  for (const acc of accs) lines.push(`  (local ${acc} ${scalar ? 'f64' : 'v128'})`);
  if (!scalar) for (let v = 0; v < V; v++) lines.push(`  (local $b${v} v128)`);
  else lines.push('  (local $b f64)');
  for (let r = 1; r < R; r++) lines.push(`  (local $o${r} i32)`);
  for (let r = 1; r < R; r++) lines.push(`  (local.set $o${r} (i32.mul (local.get $rsA) (i32.const ${r})))`);
  const aAddr = (r) => (r === 0 ? '(local.get $pa)' : `(i32.add (local.get $pa) (local.get $o${r}))`);
  lines.push('  (loop $p');
  if (scalar) {
    lines.push('    (local.set $b (f64.load (local.get $pb)))');
    for (let r = 0; r < R; r++) {
      lines.push(`    (local.set $s${r} (f64.add (local.get $s${r}) (f64.mul (f64.load ${aAddr(r)}) (local.get $b))))`);
    }
  } else {
    for (let v = 0; v < V; v++) lines.push(`    (local.set $b${v} (v128.load offset=${16 * v} (local.get $pb)))`);
    for (let r = 0; r < R; r++) {
      // One splat per row, reused across the row's vectors through a tee'd local.
      for (let v = 0; v < V; v++) {
        const a = v === 0 ? `(f64x2.splat (f64.load ${aAddr(r)}))` : '(local.get $b_splat)';
        const av = V > 1 && v === 0 ? `(local.tee $b_splat ${a})` : a;
        lines.push(`    (local.set $a${r}_${v} (f64x2.add (local.get $a${r}_${v}) (f64x2.mul ${av} (local.get $b${v}))))`);
      }
    }
  }
  lines.push('    (local.set $pa (i32.add (local.get $pa) (local.get $csA)))');
  lines.push('    (local.set $pb (i32.add (local.get $pb) (local.get $ldb)))');
  lines.push('    (br_if $p (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))');
  for (let r = 0; r < R; r++) {
    const row = r === 0 ? '(local.get $pc)' : `(i32.add (local.get $pc) (i32.mul (local.get $ldc) (i32.const ${r})))`;
    if (scalar) lines.push(`  (f64.store ${row} (local.get $s${r}))`);
    else for (let v = 0; v < V; v++) lines.push(`  (v128.store offset=${16 * v} ${row} (local.get $a${r}_${v}))`);
  }
  lines.push(')');
  if (!scalar && V > 1) lines.splice(1, 0, '  (local $b_splat v128)');
  return { name, text: lines.join('\n') };
}

/** One column panel of width `width`: pack it, then R-row blocks, then single rows. */
function panel(big, small, R, width) {
  return `
    (call $pack (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $csB))) (local.get $rsB) (local.get $csB)
      (local.get $k) (i32.const ${width}) (local.get $pk))
    (local.set $i (i32.const 0))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.gt_u (i32.add (local.get $i) (i32.const ${R})) (local.get $n)))
        (call ${big} (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rsA))) (local.get $rsA) (local.get $csA)
          (local.get $pk) (i32.const ${8 * width})
          (i32.add (local.get $c) (i32.add (i32.mul (local.get $i) (local.get $ldc)) (i32.shl (local.get $j) (i32.const 3))))
          (local.get $ldc) (local.get $k))
        (local.set $i (i32.add (local.get $i) (i32.const ${R})))
        (br $rows)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $i) (local.get $n)))
        (call ${small} (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rsA))) (local.get $rsA) (local.get $csA)
          (local.get $pk) (i32.const ${8 * width})
          (i32.add (local.get $c) (i32.add (i32.mul (local.get $i) (local.get $ldc)) (i32.shl (local.get $j) (i32.const 3))))
          (local.get $ldc) (local.get $k))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (local.set $j (i32.add (local.get $j) (i32.const ${width})))`;
}

/** The whole module's WAT text. */
export function kernelsWat(block = BLOCK) {
  const { rows: R, vectors: V } = block;
  const kernels = [microKernel(R, V), microKernel(1, V), microKernel(R, 1), microKernel(1, 1), microKernel(R, 0), microKernel(1, 0)];
  const unique = new Map(kernels.map((kernel) => [kernel.name, kernel.text]));
  const [bigRV, smallRV, bigR1, small11, bigR0, small10] = kernels.map((kernel) => kernel.name);
  return `(module
  (memory (export "memory") 1)
${[...unique.values()].join('\n')}
  ;; dst (k×width, contiguous) = the panel B(p, c), p < k, c < width, with B(p, c) at b + p·rsB + c·csB.
  (func $pack (param $b i32) (param $rsB i32) (param $csB i32) (param $k i32) (param $width i32) (param $dst i32)
    (local $s i32) (local $c i32)
    (loop $p
      (local.set $s (local.get $b))
      (local.set $c (local.get $width))
      (loop $col
        (f64.store (local.get $dst) (f64.load (local.get $s)))
        (local.set $s (i32.add (local.get $s) (local.get $csB)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 8)))
        (br_if $col (local.tee $c (i32.sub (local.get $c) (i32.const 1)))))
      (local.set $b (i32.add (local.get $b) (local.get $rsB)))
      (br_if $p (local.tee $k (i32.sub (local.get $k) (i32.const 1))))))
  ;; C (n×m, row stride ldc) = A·B with A(i, p) at a + i·rsA + p·csA and B(p, j) at b + p·rsB + j·csB
  ;; (addresses and strides in bytes); each column panel of B is first packed at pk (k × ${2 * V} doubles).
  (func $gemm (export "gemm") (param $a i32) (param $rsA i32) (param $csA i32) (param $b i32) (param $rsB i32) (param $csB i32)
        (param $c i32) (param $ldc i32) (param $n i32) (param $k i32) (param $m i32) (param $pk i32)
    (local $i i32) (local $j i32)
    (block $wideDone
      (loop $wide
        (br_if $wideDone (i32.gt_u (i32.add (local.get $j) (i32.const ${2 * V})) (local.get $m)))
        ${panel(bigRV, smallRV, R, 2 * V)}
        (br $wide)))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $m)))
        ${panel(bigR1, small11, R, 2)}
        (br $pairs)))
    (if (i32.lt_u (local.get $j) (local.get $m))
      (then ${panel(bigR0, small10, R, 1)})))
${activationsWat()}
${mapWat()}
)
`;
}

/** expm1 on [0, 44]: Taylor terms 1/2!, …, 1/14! of (eʳ − 1 − r)/r² after r = y − k ln 2, |r| ≤ ln2/2. */
const EXPM1_TERMS = Array.from({ length: 13 }, (_, i) => {
  let f = 1;
  for (let j = 2; j <= i + 2; j++) f *= j;
  return 1 / f;
});

/**
 * tanh on f64x2 lanes: tanh|x| = t / (t + 2) with t = expm1(2|x|) (no cancellation near 0), the
 * sign put back, |x| clamped at 22 where tanh is 1 in double precision. expm1(y) = 2ᵏ(p + 1) − 1
 * with p = expm1(r) from its Taylor series (the error of the 14th term is below 1e-17 relative).
 * Then `dense`: z = x·Wᵀ + b and h = g(z) for g = identity (0), relu (1), leaky-relu (2), tanh (3).
 */
function activationsWat() {
  const f2 = (x) => `(v128.const f64x2 ${x} ${x})`;
  // Estrin's scheme (pairs, then powers r², r⁴, r⁸) instead of Horner: a chain 4 products deep
  // rather than 13, so consecutive values overlap in the pipeline.
  const c = EXPM1_TERMS;
  const lin = (i) => (i + 1 < c.length ? `(f64x2.add ${f2(c[i])} (f64x2.mul (local.get $r) ${f2(c[i + 1])}))` : f2(c[i]));
  const fma = (a, power, b) => `(f64x2.add ${a} (f64x2.mul (local.get ${power}) ${b}))`;
  const q = [0, 2, 4, 6, 8, 10, 12].map(lin);
  const poly = fma(fma(fma(q[0], '$r2', q[1]), '$r4', fma(q[2], '$r2', q[3])), '$r8', fma(fma(q[4], '$r2', q[5]), '$r4', q[6]));
  return `
  (func $tanh2 (param $x v128) (result v128)
    (local $y v128) (local $kb v128) (local $k v128) (local $r v128) (local $p v128) (local $scale v128) (local $t v128)
    (local $r2 v128) (local $r4 v128) (local $r8 v128)
    ;; y = 2·min(|x|, 22); k = nearest(y / ln 2) by adding 1.5·2⁵² (k then sits in the low bits);
    ;; r = y − k·ln2_hi − k·ln2_lo
    (local.set $y (f64x2.mul ${f2(2)} (f64x2.min (f64x2.abs (local.get $x)) ${f2(22)})))
    (local.set $kb (f64x2.add (f64x2.mul (local.get $y) ${f2(1 / Math.LN2)}) ${f2(6755399441055744)}))
    (local.set $k (f64x2.sub (local.get $kb) ${f2(6755399441055744)}))
    (local.set $r (f64x2.sub (f64x2.sub (local.get $y) (f64x2.mul (local.get $k) ${f2(6.93147180369123816490e-01)}))
                             (f64x2.mul (local.get $k) ${f2(1.90821492927058770002e-10)})))
    ;; p = expm1(r) = r + r²·(1/2! + r/3! + …)
    (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
    (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
    (local.set $r8 (f64x2.mul (local.get $r4) (local.get $r4)))
    (local.set $p (f64x2.add (local.get $r) (f64x2.mul (local.get $r2) ${poly})))
    ;; 2ᵏ from the exponent bits: (k << 52) + (1023 << 52)
    (local.set $scale (i64x2.add (i64x2.shl (local.get $kb) (i32.const 52)) (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000)))
    ;; t = expm1(y) = 2ᵏ·p + (2ᵏ − 1)
    (local.set $t (f64x2.add (f64x2.mul (local.get $scale) (local.get $p)) (f64x2.sub (local.get $scale) ${f2(1)})))
    (v128.or (f64x2.div (local.get $t) (f64x2.add (local.get $t) ${f2(2)}))
             (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))
  (func $act2 (param $v v128) (param $g i32) (result v128)
    (if (result v128) (i32.eq (local.get $g) (i32.const 3))
      (then (call $tanh2 (local.get $v)))
      (else (if (result v128) (i32.eq (local.get $g) (i32.const 1))
        (then (v128.and (local.get $v) (f64x2.gt (local.get $v) (v128.const f64x2 0 0))))
        (else (if (result v128) (i32.eq (local.get $g) (i32.const 2))
          (then (v128.bitselect (local.get $v) (f64x2.mul (local.get $v) ${f2(0.01)}) (f64x2.gt (local.get $v) (v128.const f64x2 0 0))))
          (else (local.get $v))))))))
  (func (export "tanh") (param $src i32) (param $dst i32) (param $count i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (v128.store (local.get $dst) (call $tanh2 (v128.load (local.get $src))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $count) (i32.const 1))
      (then (f64.store (local.get $dst) (f64x2.extract_lane 0 (call $tanh2 (f64x2.splat (f64.load (local.get $src)))))))))
  ;; z (n×m) = x (n×k) · Wᵀ (W m×k) + b, then h = g(z) (h is not written for the identity).
  (func (export "dense") (param $x i32) (param $w i32) (param $b i32) (param $z i32) (param $h i32)
        (param $n i32) (param $k i32) (param $m i32) (param $pk i32) (param $g i32)
    (local $i i32) (local $j i32) (local $zr i32) (local $hr i32) (local $v v128) (local $s f64)
    (call $gemm (local.get $x) (i32.shl (local.get $k) (i32.const 3)) (i32.const 8) (local.get $w) (i32.const 8)
      (i32.shl (local.get $k) (i32.const 3)) (local.get $z) (i32.shl (local.get $m) (i32.const 3))
      (local.get $n) (local.get $k) (local.get $m) (local.get $pk))
    (local.set $zr (local.get $z))
    (local.set $hr (local.get $h))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $j (i32.const 0))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $m)))
            (local.set $v (f64x2.add (v128.load (i32.add (local.get $zr) (i32.shl (local.get $j) (i32.const 3))))
                                     (v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))))
            (v128.store (i32.add (local.get $zr) (i32.shl (local.get $j) (i32.const 3))) (local.get $v))
            (if (local.get $g)
              (then (v128.store (i32.add (local.get $hr) (i32.shl (local.get $j) (i32.const 3))) (call $act2 (local.get $v) (local.get $g)))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $cols)))
        (if (i32.lt_u (local.get $j) (local.get $m))
          (then
            (local.set $s (f64.add (f64.load (i32.add (local.get $zr) (i32.shl (local.get $j) (i32.const 3))))
                                   (f64.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))))
            (f64.store (i32.add (local.get $zr) (i32.shl (local.get $j) (i32.const 3))) (local.get $s))
            (if (local.get $g)
              (then (f64.store (i32.add (local.get $hr) (i32.shl (local.get $j) (i32.const 3)))
                (f64x2.extract_lane 0 (call $act2 (f64x2.splat (local.get $s)) (local.get $g))))))))
        (local.set $zr (i32.add (local.get $zr) (i32.shl (local.get $m) (i32.const 3))))
        (local.set $hr (i32.add (local.get $hr) (i32.shl (local.get $m) (i32.const 3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))`;
}

/**
 * tanh in float32: the odd rational minimax p(x)/q(x) of degrees 13/6 that Eigen and ONNX Runtime's
 * MLAS use, with x clamped at ±7.90531110763549805, where tanh rounds to ±1 in float32. Odd in x, so
 * small arguments keep their relative accuracy. Coefficients from x¹³ down to x¹, and x⁶ down to 1.
 */
export const TANH_F32 = Object.freeze({
  clamp: 7.90531110763549805,
  p: [-2.76076847742355e-16, 2.00018790482477e-13, -8.60467152213735e-11, 5.12229709037114e-8, 1.48572235717979e-5, 6.37261928875436e-4, 4.89352455891786e-3],
  q: [1.19825839466702e-6, 1.18534705686654e-4, 2.268434632439e-3, 4.89352518554385e-3],
});

/**
 * Single-precision forward passes for decision-region maps: `mlp4` runs a whole network on points
 * four at a time, one f32x4 lane per point, one vector per unit, so no layer is ever copied out.
 * A plan of 5 words per layer (inputs, units, activation code, byte address of W (units × inputs,
 * row-major) and of b) drives it; codes 0 identity, 1 relu, 2 leaky-relu, 3 tanh, 4 sigmoid
 * (σ(v) = ½ + ½·tanh(v/2)). Chunk c of the input holds input k of its four points at
 * in + 16(c·d + k); its outputs go to out + 16(c·m + u); layers in between ping-pong between
 * scratch and scratch + half.
 */
function mapWat() {
  const f4 = (x) => `(v128.const f32x4 ${x} ${x} ${x} ${x})`;
  const horner = (cs) => cs.slice(1).reduce((acc, c) => `(f32x4.add (f32x4.mul ${acc} (local.get $x2)) ${f4(c)})`, f4(cs[0]));
  return `
  (func $tanh4 (param $x v128) (result v128)
    (local $x2 v128)
    (local.set $x (f32x4.max (f32x4.min (local.get $x) ${f4(TANH_F32.clamp)}) ${f4(-TANH_F32.clamp)}))
    (local.set $x2 (f32x4.mul (local.get $x) (local.get $x)))
    (f32x4.div (f32x4.mul (local.get $x) ${horner(TANH_F32.p)}) ${horner(TANH_F32.q)}))
  (func $act4 (param $v v128) (param $g i32) (result v128)
    (if (result v128) (i32.eq (local.get $g) (i32.const 3))
      (then (call $tanh4 (local.get $v)))
      (else (if (result v128) (i32.eq (local.get $g) (i32.const 1))
        (then (v128.and (local.get $v) (f32x4.gt (local.get $v) (v128.const f32x4 0 0 0 0))))
        (else (if (result v128) (i32.eq (local.get $g) (i32.const 2))
          (then (v128.bitselect (local.get $v) (f32x4.mul (local.get $v) ${f4(0.01)}) (f32x4.gt (local.get $v) (v128.const f32x4 0 0 0 0))))
          (else (if (result v128) (i32.eq (local.get $g) (i32.const 4))
            (then (f32x4.add ${f4(0.5)} (f32x4.mul ${f4(0.5)} (call $tanh4 (f32x4.mul ${f4(0.5)} (local.get $v))))))
            (else (local.get $v))))))))))
  (func (export "mlp4") (param $plan i32) (param $layers i32) (param $in i32) (param $out i32) (param $chunks i32)
        (param $scratch i32) (param $half i32)
    (local $c i32) (local $l i32) (local $p i32) (local $src i32) (local $dst i32) (local $d i32) (local $h i32)
    (local $g i32) (local $w i32) (local $b i32) (local $j i32) (local $k i32) (local $s i32) (local $acc v128)
    (loop $chunk
      (local.set $src (i32.add (local.get $in) (i32.mul (local.get $c) (i32.shl (i32.load (local.get $plan)) (i32.const 4)))))
      (local.set $p (local.get $plan))
      (local.set $l (i32.const 0))
      (loop $layer
        (local.set $d (i32.load (local.get $p)))
        (local.set $h (i32.load offset=4 (local.get $p)))
        (local.set $g (i32.load offset=8 (local.get $p)))
        (local.set $w (i32.load offset=12 (local.get $p)))
        (local.set $b (i32.load offset=16 (local.get $p)))
        (local.set $dst
          (if (result i32) (i32.eq (local.get $l) (i32.sub (local.get $layers) (i32.const 1)))
            (then (i32.add (local.get $out) (i32.mul (local.get $c) (i32.shl (local.get $h) (i32.const 4)))))
            (else (i32.add (local.get $scratch) (i32.mul (i32.and (local.get $l) (i32.const 1)) (local.get $half))))))
        (local.set $j (i32.const 0))
        (loop $unit
          (local.set $acc (v128.load32_splat (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))))
          (local.set $s (local.get $src))
          (local.set $k (local.get $d))
          (loop $input
            (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (v128.load32_splat (local.get $w)) (v128.load (local.get $s)))))
            (local.set $w (i32.add (local.get $w) (i32.const 4)))
            (local.set $s (i32.add (local.get $s) (i32.const 16)))
            (br_if $input (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
          (v128.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 4))) (call $act4 (local.get $acc) (local.get $g)))
          (br_if $unit (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $h))))
        (local.set $src (local.get $dst))
        (local.set $p (i32.add (local.get $p) (i32.const 20)))
        (br_if $layer (i32.lt_u (local.tee $l (i32.add (local.get $l) (i32.const 1))) (local.get $layers))))
      (br_if $chunk (i32.lt_u (local.tee $c (i32.add (local.get $c) (i32.const 1))) (local.get $chunks)))))`;
}

/** Assembles the WAT with wabt (SIMD enabled) into wasm bytes. */
export async function assemble(block = BLOCK) {
  const { default: wabtInit } = await import('wabt');
  const wabt = await wabtInit();
  const module = wabt.parseWat('kernels.wat', kernelsWat(block), { simd: true });
  module.validate();
  const { buffer } = module.toBinary({ log: false, write_debug_names: false });
  module.destroy();
  return new Uint8Array(buffer);
}

/** The TypeScript module that carries the bytes. */
export function bytesModule(bytes) {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines = base64.match(/.{1,96}/g) ?? [];
  return `// GENERATED by src/engine/wasm/assemble.mjs from its WAT text: the WebAssembly SIMD matrix
// kernels as base64, ${bytes.length} bytes. Do not edit; run \`npm run build:wasm\` instead.

export const KERNELS_WASM_BASE64 =
${lines.map((line) => `  '${line}'`).join(' +\n')};
`;
}

export const BYTES_FILE = fileURLToPath(new URL('./kernels-bytes.ts', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = bytesModule(await assemble());
  const before = (() => {
    try {
      return readFileSync(BYTES_FILE, 'utf8');
    } catch {
      return '';
    }
  })();
  writeFileSync(BYTES_FILE, text);
  process.stdout.write(`${before === text ? 'unchanged' : 'wrote'} ${BYTES_FILE}\n`);
}
