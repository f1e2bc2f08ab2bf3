// Writes the Parquet fixtures of Data/Fixtures/Tools with three independent writers: parquet-wasm
// 0.8.0 (the Rust arrow-rs writer, from apache-arrow 21 tables), hyparquet-writer 0.17.0 and
// @dsnp/parquetjs 1.8.9 (pure JavaScript). Every file holds the six runs of SmallTable.cs.
// Run from this folder:
//   npm install --no-save parquet-wasm@0.8.0 apache-arrow@21.2.0 hyparquet-writer@0.17.0 @dsnp/parquetjs@1.8.9
//   node make-parquet.mjs
import * as arrow from 'apache-arrow'
import * as pw from 'parquet-wasm'
import { writeFileSync } from 'node:fs'
import { parquetWriteFile } from 'hyparquet-writer'
import parquetjs from '@dsnp/parquetjs'

const runs = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']
const family = ['pythia', 'pythia', 'pythia', 'qwen', 'qwen', 'qwen']
const N = [70000000n, 160000000n, 410000000n, 500000000n, 1500000000n, 7000000000n]
const D = [3e11, 3e11, 3e11, 2.2e12, 2.2e12, 2.2e12]
const loss = [3.34, 3.05, 2.79, 2.61, 2.37, 2.11]

function wasm (name, table, props) {
  writeFileSync(name, pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')), props ?? null))
}
const table = () => arrow.tableFromArrays({
  run: runs, family, N: BigInt64Array.from(N), D: Float64Array.from(D), loss: Float64Array.from(loss),
})
const C = pw.Compression
// Every codec parquet-wasm writes; dictionary encoding is its default for every column.
for (const [codec, id] of [['none', C.UNCOMPRESSED], ['snappy', C.SNAPPY], ['gzip', C.GZIP], ['zstd', C.ZSTD], ['brotli', C.BROTLI], ['lz4raw', C.LZ4_RAW]]) {
  wasm(`wasm-${codec}.parquet`, table(), new pw.WriterPropertiesBuilder().setCompression(id).build())
}
wasm('wasm-plain.parquet', table(), new pw.WriterPropertiesBuilder().setDictionaryEnabled(false).build())
wasm('wasm-row-groups.parquet', table(), new pw.WriterPropertiesBuilder().setMaxRowGroupSize(2).build())
wasm('wasm-v2-pages.parquet', table(), new pw.WriterPropertiesBuilder().setWriterVersion(pw.WriterVersion.V2).setCompression(C.ZSTD).build())
// An Arrow dictionary column, as pandas writes a category dtype.
wasm('wasm-categorical.parquet', new arrow.Table({
  run: arrow.vectorFromArray(runs),
  family: arrow.vectorFromArray(family, new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32())),
  N: arrow.vectorFromArray(BigInt64Array.from(N)),
  D: arrow.vectorFromArray(Float64Array.from(D)),
  loss: arrow.vectorFromArray(Float64Array.from(loss)),
}))
// Other types: N as INT32 in millions, D as UINT64, loss as FLOAT (float32), a nullable column.
wasm('wasm-types.parquet', new arrow.Table({
  run: arrow.vectorFromArray(['r1', 'r2', null, 'r4', 'r5', 'r6'], new arrow.Utf8()),
  'params (M)': arrow.vectorFromArray([70, 160, 410, 500, 1500, 7000], new arrow.Int32()),
  tokens: arrow.vectorFromArray(D.map(BigInt), new arrow.Uint64()),
  eval_loss: arrow.vectorFromArray(loss, new arrow.Float32()),
  lr: arrow.vectorFromArray([1e-3, null, 2e-3, null, 3e-3, 4e-3], new arrow.Float64()),
}))
// Nested: a list column (left out, with a note) and a struct column (flattened to dotted names).
wasm('wasm-nested.parquet', new arrow.Table({
  run: arrow.vectorFromArray(runs),
  N: arrow.vectorFromArray(BigInt64Array.from(N)),
  D: arrow.vectorFromArray(Float64Array.from(D)),
  loss: arrow.vectorFromArray(Float64Array.from(loss)),
  curve: arrow.vectorFromArray(loss.map(l => [4.5, l]), new arrow.List(new arrow.Field('item', new arrow.Float64(), true))),
  config: arrow.vectorFromArray(family.map((f, i) => ({ family: f, lr: 0.001 * (i + 1) })),
    new arrow.Struct([new arrow.Field('family', new arrow.Utf8(), true), new arrow.Field('lr', new arrow.Float64(), true)])),
}))
parquetWriteFile({
  filename: 'hyparquet-uncompressed-row-groups.parquet', compressed: false, rowGroupSize: 4,
  columnData: [
    { name: 'run', data: runs, type: 'STRING' }, { name: 'family', data: family, type: 'STRING' },
    { name: 'N', data: N, type: 'INT64' }, { name: 'D', data: D, type: 'DOUBLE' }, { name: 'loss', data: loss, type: 'DOUBLE' },
  ],
})
// parquetjs: GZIP and SNAPPY pages, an optional column, two row groups; DECIMAL columns.
for (const codec of ['GZIP', 'SNAPPY']) {
  const schema = new parquetjs.ParquetSchema({
    run: { type: 'UTF8', compression: codec },
    family: { type: 'UTF8', compression: codec },
    N: { type: 'INT64', compression: codec },
    D: { type: 'DOUBLE', compression: codec, optional: true },
    loss: { type: 'DOUBLE', compression: codec },
  })
  const writer = await parquetjs.ParquetWriter.openFile(schema, `parquetjs-${codec.toLowerCase()}.parquet`, { rowGroupSize: 4 })
  for (let i = 0; i < 6; i++) await writer.appendRow({ run: runs[i], family: family[i], N: N[i], D: D[i], loss: loss[i] })
  await writer.close()
}
{
  const schema = new parquetjs.ParquetSchema({
    run: { type: 'UTF8' },
    family: { type: 'UTF8' },
    N: { type: 'DECIMAL', precision: 12, scale: 0 },
    D: { type: 'DOUBLE' },
    loss: { type: 'DECIMAL', precision: 6, scale: 2 },
  })
  const writer = await parquetjs.ParquetWriter.openFile(schema, 'parquetjs-decimal.parquet')
  for (let i = 0; i < 6; i++) await writer.appendRow({ run: runs[i], family: family[i], N: Number(N[i]), D: D[i], loss: loss[i] })
  await writer.close()
}
