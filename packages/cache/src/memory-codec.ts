import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  deflateSync,
  inflateSync,
} from 'node:zlib';
import { CacheError } from './cache-error.ts';
import type { MemoryCompressionOptions } from './memory-tier-options.ts';
import { MEMORY_TIER_DEFAULTS } from './memory-tier-options.ts';

/** Compresses large JSON values held in memory and reads them back. */
export interface MemoryCodec {
  /** JSON of at least this many bytes is worth compressing. */
  readonly thresholdBytes: number;
  compress(json: string): Buffer;
  /** The parsed value of what `compress` produced. */
  decompress(data: Buffer): unknown;
}

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * The codec for `MemoryTierOptions.compression`, or `undefined` when compression is off.
 * @throws {CacheError} `INVALID_OPTIONS` for a threshold that is not a positive integer.
 */
export function createMemoryCodec(
  options: MemoryCompressionOptions | false | undefined,
): MemoryCodec | undefined {
  if (!options) return undefined;
  const thresholdBytes = options.thresholdBytes ?? MEMORY_TIER_DEFAULTS.compressionThresholdBytes;
  if (!isPositiveInteger(thresholdBytes)) {
    throw new CacheError(
      'INVALID_OPTIONS',
      'MemoryTier: compression.thresholdBytes must be a positive integer',
    );
  }
  const algorithm = options.algorithm ?? MEMORY_TIER_DEFAULTS.compressionAlgorithm;
  if (algorithm === 'brotli') {
    return {
      thresholdBytes,
      // Quality 4: a fast setting that still beats deflate on JSON.
      compress: (json) =>
        brotliCompressSync(Buffer.from(json, 'utf8'), {
          params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
        }),
      decompress: (data): unknown => JSON.parse(brotliDecompressSync(data).toString('utf8')),
    };
  }
  return {
    thresholdBytes,
    compress: (json) => deflateSync(Buffer.from(json, 'utf8')),
    decompress: (data): unknown => JSON.parse(inflateSync(data).toString('utf8')),
  };
}
