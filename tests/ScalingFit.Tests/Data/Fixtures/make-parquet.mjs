// Writes the Parquet fixtures with an independent writer (hyparquet-writer 0.17.0, pure JavaScript),
// so the tests do not only read what Parquet.Net itself wrote. Run from this folder:
//   npm install --no-save hyparquet-writer@0.17.0 && node make-parquet.mjs
import { parquetWriteFile } from 'hyparquet-writer'

// The small table every format test reads (see SmallTable.cs).
parquetWriteFile({
  filename: 'small.parquet',
  columnData: [
    { name: 'run', data: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'], type: 'STRING' },
    { name: 'family', data: ['pythia', 'pythia', 'pythia', 'qwen', 'qwen', 'qwen'], type: 'STRING' },
    { name: 'N', data: [70000000n, 160000000n, 410000000n, 500000000n, 1500000000n, 7000000000n], type: 'INT64' },
    { name: 'D', data: [3.0e11, 3.0e11, 3.0e11, 2.2e12, 2.2e12, 2.2e12], type: 'DOUBLE' },
    { name: 'loss', data: [3.34, 3.05, 2.79, 2.61, 2.37, 2.11], type: 'DOUBLE' },
  ],
})

// Other physical types and missing values: INT32, FLOAT, BOOLEAN, nulls.
parquetWriteFile({
  filename: 'types.parquet',
  columnData: [
    { name: 'params', data: [1000000, 2000000, null, 8000000], type: 'INT32' },
    { name: 'eval_loss', data: [4.5, 4.25, 4.0, null], type: 'FLOAT' },
    { name: 'converged', data: [true, false, true, true], type: 'BOOLEAN' },
    { name: 'name', data: ['a', null, 'c', 'd'], type: 'STRING' },
  ],
})
