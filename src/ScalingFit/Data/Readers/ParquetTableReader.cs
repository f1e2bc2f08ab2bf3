using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace ScalingFit.Data;

/// <summary>
/// Reads a Parquet file (Parquet.Net 6) into a <see cref="RawTable"/>: numeric columns as numbers,
/// strings as text, booleans and dates as text; nested fields by dotted names. Repeated (list)
/// fields are left out with a note. Rows are located by their 1-based row number.
/// </summary>
internal static class ParquetTableReader
{
    /// <exception cref="DataException">The file is damaged or holds no rows.</exception>
    public static RawTable Read(Stream stream, string source, IRowSink? sink = null)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        try
        {
            // Parquet.Net 6.1 can loop forever on a damaged footer (its Thrift reader skipping fields past
            // the end, found by fuzzing): a watchdog stops the wait; the runaway read ends with the process.
            var strict = new EndCheckedStream(stream);
            var read = Task.Run(() => ReadAsync(strict, source, sink).AsTask());
            var limit = Watchdog + TimeSpan.FromSeconds(stream.Length / 5e6);
            if (!((IAsyncResult)read).AsyncWaitHandle.WaitOne(limit))
                throw new DataException(
                    $"the Parquet file could not be read within {NumberFormat.Significant(limit.TotalSeconds, 2)} s; its metadata looks damaged (is the file truncated?).", source);
            return read.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not ScalingFitException and not StreamingRestartException and not OutOfMemoryException)
        {
            // Parquet.Net reports damaged files with many exception types (IO, format, argument, index).
            throw new DataException($"the Parquet file cannot be read ({e.Message.TrimEnd('.')}); is it damaged or truncated?", source);
        }
    }

    /// <summary>How long a Parquet read may take (plus a second per 5 MB) before it is given up as damaged.</summary>
    internal static TimeSpan Watchdog { get; set; } = TimeSpan.FromSeconds(20);

    private static async ValueTask<RawTable> ReadAsync(Stream stream, string source, IRowSink? sink)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true).ConfigureAwait(false);
        var notes = new List<string>();
        var fields = new List<(DataField Field, string Name)>();
        foreach (var field in reader.Schema.DataFields)
        {
            string name = string.Join('.', field.Path.ToList());
            if (field.MaxRepetitionLevel > 0) notes.Add($"left out the list column '{name}' of the Parquet file");
            else fields.Add((field, name));
        }
        var names = fields.Select(f => f.Name).ToList();
        Headers.RequireDistinct(names, source, null);
        long total = 0;
        for (int g = 0; g < reader.RowGroupCount; g++) total += reader.OpenRowGroupReader(g).RowCount;
        if (total == 0) throw new DataException("the Parquet file holds no rows.", source) { HoldsNoRows = true };
        if (total > Array.MaxLength) throw new DataException($"the Parquet file holds {total} rows, more than can be read at once.", source);

        var table = new TableBuilder(source, RowLocator.Row, (int)total, keepText: false, sink: sink);
        var columns = names.Select(table.Column).ToArray();
        int row = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            for (int c = 0; c < fields.Count; c++)
                await ReadColumn(group, fields[c].Field, count, table[columns[c]]).ConfigureAwait(false);
            table.EndFullRows(row + 1, count);
            row += count;
        }
        return table.Build(notes);
    }

    private static async ValueTask ReadColumn(ParquetRowGroupReader group, DataField field, int count, CellColumn.Builder column)
    {
        var type = field.ClrType;
        if (type == typeof(double) && !field.IsNullable)
        {
            // The common case, a required double column: read straight into an array and append it whole.
            var values = new double[count];
            await group.ReadAsync<double>(field, values.AsMemory()).ConfigureAwait(false);
            column.AddNumbers(values);
        }
        else if (type == typeof(double)) Add(await Read<double>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(float)) Add(await Read<float>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(long)) Add(await Read<long>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(int)) Add(await Read<int>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(short)) Add(await Read<short>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(sbyte)) Add(await Read<sbyte>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(byte)) Add(await Read<byte>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(ushort)) Add(await Read<ushort>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(uint)) Add(await Read<uint>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(ulong)) Add(await Read<ulong>(group, field, count).ConfigureAwait(false), v => v, column);
        else if (type == typeof(decimal)) Add(await Read<decimal>(group, field, count).ConfigureAwait(false), v => (double)v, column);
        else if (type == typeof(bool)) AddText(await Read<bool>(group, field, count).ConfigureAwait(false), v => v ? "true" : "false", column);
        else if (type == typeof(DateTime)) AddText(await Read<DateTime>(group, field, count).ConfigureAwait(false), v => v.ToString("O", CultureInfo.InvariantCulture), column);
        else if (type == typeof(DateOnly)) AddText(await Read<DateOnly>(group, field, count).ConfigureAwait(false), v => v.ToString("O", CultureInfo.InvariantCulture), column);
        else if (type == typeof(TimeSpan)) AddText(await Read<TimeSpan>(group, field, count).ConfigureAwait(false), v => v.ToString("c", CultureInfo.InvariantCulture), column);
        else if (type == typeof(ReadOnlyMemory<char>) || type == typeof(string))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
            var buffer = new byte[256];
            foreach (var v in values)
            {
                if (v is null)
                {
                    column.AddEmpty();
                    continue;
                }
                int length = Encoding.UTF8.GetMaxByteCount(v.Length);
                if (length > buffer.Length) buffer = new byte[length];
                column.AddCell(buffer.AsSpan(0, Encoding.UTF8.GetBytes(v, buffer)));
            }
        }
        else
        {
            for (int i = 0; i < count; i++) column.AddEmpty();
        }
    }

    private static async ValueTask<T?[]> Read<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync<T>(field, values.AsMemory()).ConfigureAwait(false);
        return values;
    }

    private static void Add<T>(T?[] values, Func<T, double> number, CellColumn.Builder column) where T : struct
    {
        foreach (var v in values)
        {
            if (v is { } x) column.AddNumber(number(x));
            else column.AddEmpty();
        }
    }

    private static void AddText<T>(T?[] values, Func<T, string> text, CellColumn.Builder column) where T : struct
    {
        foreach (var v in values)
        {
            if (v is { } x) column.AddText(Encoding.UTF8.GetBytes(text(x)));
            else column.AddEmpty();
        }
    }
}

/// <summary>
/// A seekable read-only view of a stream that throws at its end instead of returning nothing, so a
/// parser that does not check for the end (Parquet.Net's Thrift reader on a damaged footer) stops.
/// </summary>
internal sealed class EndCheckedStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length > 0 && inner.Position >= inner.Length)
            throw new EndOfStreamException("read past the end of the file");
        return inner.Read(buffer);
    }

    public override int ReadByte()
    {
        if (inner.Position >= inner.Length) throw new EndOfStreamException("read past the end of the file");
        return inner.ReadByte();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
