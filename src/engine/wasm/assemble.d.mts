// Types of the kernel generator (assemble.mjs), for the test that reassembles the kernels.

export declare const BLOCK: Readonly<{ rows: number; vectors: number }>;
export declare function kernelsWat(block?: { rows: number; vectors: number }): string;
export declare function assemble(block?: { rows: number; vectors: number }): Promise<Uint8Array>;
export declare function bytesModule(bytes: Uint8Array): string;
export declare const BYTES_FILE: string;
export declare const TANH_F32: Readonly<{ clamp: number; p: readonly number[]; q: readonly number[] }>;
