using System.Text;

namespace ScalingFit.Data;

/// <summary>
/// The cells of one text column, stored as UTF-8 bytes in one buffer with row offsets rather than
/// as a string per cell: a million run names cost their bytes, not a million objects for the
/// garbage collector to trace. Strings are made on access.
/// </summary>
internal sealed class TextColumn
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;

    private TextColumn(byte[] bytes, int[] offsets)
    {
        _bytes = bytes;
        _offsets = offsets;
    }

    public string this[int row] => Encoding.UTF8.GetString(Utf8(row));

    public ReadOnlySpan<byte> Utf8(int row) => _bytes.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    public TextColumn Pick(IReadOnlyList<int> rows)
    {
        var builder = new Builder(rows.Count);
        foreach (int row in rows) builder.Add(Utf8(row));
        return builder.Build();
    }

    /// <summary>Collects cells row by row.</summary>
    public sealed class Builder
    {
        private readonly ColumnBuilder<int> _offsets;
        private byte[] _bytes;
        private int _length;

        public Builder(int capacity)
        {
            _offsets = new ColumnBuilder<int>(capacity + 1);
            _offsets.Add(0);
            _bytes = new byte[Math.Max(16, capacity * 8)];
        }

        public void Add(ReadOnlySpan<byte> cell)
        {
            if (_length + cell.Length > _bytes.Length) System.Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + cell.Length));
            cell.CopyTo(_bytes.AsSpan(_length));
            _length += cell.Length;
            _offsets.Add(_length);
        }

        /// <summary>Reserves room for <paramref name="rows"/> rows as long, on average, as those added so far.</summary>
        public void EnsureCapacity(int rows)
        {
            _offsets.EnsureCapacity(rows + 1);
            long bytesPerRow = _offsets.Count > 1 ? _length / (_offsets.Count - 1) + 1 : 8;
            if (_bytes.Length < rows * bytesPerRow) System.Array.Resize(ref _bytes, (int)Math.Min(System.Array.MaxLength, rows * bytesPerRow));
        }

        public TextColumn Build()
        {
            if (_bytes.Length > 2 * _length + 64) System.Array.Resize(ref _bytes, _length);
            return new(_bytes, _offsets.Trimmed());
        }
    }
}
