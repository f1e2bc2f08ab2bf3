namespace ScalingFit.Data;

/// <summary>
/// The non-standard number literals Python's json module writes by default (allow_nan=True):
/// <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c>, as a diverged run's loss in a log written with
/// json.dump. System.Text.Json refuses them, so a document that holds them is rewritten with each
/// one quoted ("NaN"), which the readers take as the number it names, and positions in the rewritten
/// text are mapped back to the original for messages.
/// </summary>
internal static class JsonLiterals
{
    private static ReadOnlySpan<byte> NaN => "NaN"u8;
    private static ReadOnlySpan<byte> Infinity => "Infinity"u8;

    /// <summary>
    /// The JSON with every NaN, Infinity and -Infinity outside strings quoted, or null when it has
    /// none. <paramref name="inserted"/> holds the offsets of the quotes added, in the rewritten text.
    /// </summary>
    public static byte[]? Quote(ReadOnlySpan<byte> json, out List<int> inserted)
    {
        inserted = [];
        var starts = new List<(int Start, int Length)>();
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            byte b = json[i];
            if (inString)
            {
                if (b == (byte)'\\') i++;
                else if (b == (byte)'"') inString = false;
                continue;
            }
            int length = b switch
            {
                (byte)'N' when IsLiteral(json, i, NaN) => NaN.Length,
                (byte)'I' when IsLiteral(json, i, Infinity) => Infinity.Length,
                (byte)'-' or (byte)'+' when i + 1 < json.Length && json[i + 1] == (byte)'I' && IsLiteral(json, i + 1, Infinity) => Infinity.Length + 1,
                _ => 0,
            };
            if (b == (byte)'"') inString = true;
            else if (length > 0)
            {
                starts.Add((i, length));
                i += length - 1;
            }
        }
        if (starts.Count == 0) return null;
        var rewritten = new byte[json.Length + 2 * starts.Count];
        int from = 0, to = 0;
        foreach (var (start, length) in starts)
        {
            json[from..start].CopyTo(rewritten.AsSpan(to));
            to += start - from;
            inserted.Add(to);
            rewritten[to++] = (byte)'"';
            json.Slice(start, length).CopyTo(rewritten.AsSpan(to));
            to += length;
            inserted.Add(to);
            rewritten[to++] = (byte)'"';
            from = start + length;
        }
        json[from..].CopyTo(rewritten.AsSpan(to));
        return rewritten;
    }

    /// <summary>A 0-based byte offset in the rewritten text as the offset in the original.</summary>
    public static long Original(long offset, List<int> inserted)
    {
        int shift = 0;
        while (shift < inserted.Count && inserted[shift] < offset) shift++;
        return offset - shift;
    }

    /// <summary>Whether the literal stands at <paramref name="i"/> as a whole token (not part of a longer word).</summary>
    private static bool IsLiteral(ReadOnlySpan<byte> json, int i, ReadOnlySpan<byte> literal)
    {
        if (!json[i..].StartsWith(literal)) return false;
        int end = i + literal.Length;
        return end == json.Length || !char.IsAsciiLetterOrDigit((char)json[end]);
    }
}
