// The Parquet copy of ../training-log.csv, written by hyparquet-writer 0.17.0 (pure JavaScript).
// Run from this folder: npm install --no-save hyparquet-writer@0.17.0 && node make-parquet.mjs
import { readFileSync } from 'node:fs'
import { parquetWriteFile } from 'hyparquet-writer'

const [header, ...lines] = readFileSync('../training-log.csv', 'utf8').trim().split('\n')
const rows = lines.map(l => Object.fromEntries(l.split(',').map((v, i) => [header.split(',')[i], v])))
parquetWriteFile({
  filename: 'training-log.parquet',
  columnData: [
    { name: 'model', data: rows.map(r => r.model), type: 'STRING' },
    { name: 'seed', data: rows.map(r => Number(r.seed)), type: 'INT32' },
    { name: 'step', data: rows.map(r => Number(r.step)), type: 'INT32' },
    { name: 'params', data: rows.map(r => BigInt(r.params)), type: 'INT64' },
    { name: 'tokens', data: rows.map(r => BigInt(r.tokens)), type: 'INT64' },
    { name: 'eval_loss', data: rows.map(r => Number(r.eval_loss)), type: 'DOUBLE' },
    { name: 'lr', data: rows.map(r => Number(r.lr)), type: 'DOUBLE' },
  ],
})
