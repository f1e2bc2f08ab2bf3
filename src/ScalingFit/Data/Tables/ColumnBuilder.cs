using System.Runtime.CompilerServices;

namespace ScalingFit.Data;

/// <summary>
/// A growable column whose backing array is handed over as is when reading ends (no trimming
/// copy): a reader's columns are sized once from the file length and never copied.
/// </summary>
internal sealed class ColumnBuilder<T>(int capacity)
{
    private T[] _items = new T[Math.Max(4, capacity)];

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (Count == _items.Length) Grow();
        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        EnsureCapacity(Count + items.Length);
        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _items.Length) System.Array.Resize(ref _items, capacity);
    }

    /// <summary>The backing array; its first <see cref="Count"/> entries are the column.</summary>
    public T[] Array => _items;

    /// <summary>
    /// The backing array, first cut to <see cref="Count"/> when more than half of it is spare: a
    /// small table (one file of many in a folder) keeps its data, not a reader's initial capacity.
    /// </summary>
    public T[] Trimmed()
    {
        if (_items.Length > 2 * Count + 16) System.Array.Resize(ref _items, Count);
        return _items;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow() => System.Array.Resize(ref _items, _items.Length * 2);
}
