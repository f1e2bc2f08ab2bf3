using System.Text.Unicode;

namespace ScalingFit.Data;

/// <summary>What an input is, as recognised from its first bytes.</summary>
public enum InputFormat
{
    /// <summary>Delimited text: CSV, TSV, semicolon- or pipe-separated.</summary>
    Csv,
    /// <summary>One JSON object per line.</summary>
    JsonLines,
    /// <summary>One JSON document: an array of records or an object.</summary>
    Json,
    /// <summary>Apache Parquet.</summary>
    Parquet,
    /// <summary>gzip-compressed data (any of the formats above inside).</summary>
    Gzip,
    /// <summary>A Python pickle (pandas DataFrame.to_pickle).</summary>
    Pickle,
    /// <summary>A Jupyter notebook.</summary>
    Notebook,
    /// <summary>A zip archive (also .xlsx workbooks and .npz arrays).</summary>
    Zip,
    /// <summary>An image (PNG, JPEG, GIF, WebP) or a PDF document.</summary>
    Image,
    /// <summary>HDF5 (pandas to_hdf, Keras), NumPy .npy, Arrow/Feather, SQLite, other compression.</summary>
    OtherBinary,
    /// <summary>Nothing at all.</summary>
    Empty,
}

/// <summary>Recognises the format of an input from its first bytes (magic numbers, then a look at the text).</summary>
public static class FormatSniffer
{
    /// <summary>How many bytes the sniffer looks at.</summary>
    public const int SniffLength = 8192;

    /// <summary>The format of an input that starts with <paramref name="head"/>.</summary>
    public static InputFormat Detect(ReadOnlySpan<byte> head) => Detect(head, out _);

    /// <summary>The format, and for other binary data what it looks like.</summary>
    public static InputFormat Detect(ReadOnlySpan<byte> head, out string? what)
    {
        what = null;
        if (head.IsEmpty) return InputFormat.Empty;
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0x1F, (byte)0x8B])) return InputFormat.Gzip;
        if (head.StartsWith("PAR1"u8)) return InputFormat.Parquet;
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return InputFormat.Zip;
        if (head.Length >= 2 && head[0] == 0x80 && head[1] is >= 2 and <= 5) return InputFormat.Pickle;
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0x89, (byte)'P', (byte)'N', (byte)'G']) || head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFF, (byte)0xD8, (byte)0xFF]) || head.StartsWith("GIF8"u8)
            || head.StartsWith("%PDF"u8) || (head.StartsWith("RIFF"u8) && head.Length >= 12 && head[8..12].SequenceEqual("WEBP"u8)))
            return InputFormat.Image;
        what = Binary(head);
        if (what is not null) return InputFormat.OtherBinary;

        var text = head.StartsWith((ReadOnlySpan<byte>)[(byte)0xEF, (byte)0xBB, (byte)0xBF]) ? head[3..] : head;
        int first = text.IndexOfAnyExcept(CellColumn.Blanks);
        if (first < 0) return InputFormat.Empty;
        if (text[first] == (byte)'[') return InputFormat.Json;
        if (text[first] != (byte)'{') return InputFormat.Csv;
        if (IsNotebook(text)) return InputFormat.Notebook;
        // JSON Lines: the first line is a whole object and the next non-blank line starts another.
        int newline = text[first..].IndexOf((byte)'\n');
        if (newline < 0) return InputFormat.Json;
        var firstLine = text.Slice(first, newline).TrimEnd(CellColumn.Blanks);
        var rest = text[(first + newline + 1)..].TrimStart(CellColumn.Blanks);
        return firstLine.EndsWith("}"u8) && (rest.IsEmpty || rest[0] == (byte)'{') && IsWholeObject(firstLine)
            ? InputFormat.JsonLines
            : InputFormat.Json;
    }

    private static bool IsNotebook(ReadOnlySpan<byte> text) =>
        text.IndexOf("\"cells\""u8) >= 0 && (text.IndexOf("\"nbformat\""u8) >= 0 || text.IndexOf("\"cell_type\""u8) >= 0);

    internal static bool IsWholeObject(ReadOnlySpan<byte> line)
    {
        if ((line.IndexOf("NaN"u8) >= 0 || line.IndexOf("Infinity"u8) >= 0) && JsonLiterals.Quote(line, out _) is { } quoted) line = quoted;
        var reader = new System.Text.Json.Utf8JsonReader(line, new System.Text.Json.JsonReaderOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true,
        });
        try
        {
            return reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.StartObject && reader.TrySkip() && !reader.Read();
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>What other binary data looks like, or null for text.</summary>
    private static string? Binary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0x89, (byte)'H', (byte)'D', (byte)'F'])) return "an HDF5 file (pandas to_hdf, h5py, Keras)";
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'])) return "a NumPy array (.npy)";
        if (head.StartsWith("ARROW1"u8)) return "an Arrow IPC / Feather file";
        if (head.StartsWith("SQLite format 3"u8)) return "an SQLite database";
        if (head.StartsWith("BZh"u8) && head.Length > 3 && head[3] is >= (byte)'1' and <= (byte)'9') return "bzip2-compressed data";
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', (byte)0])) return "xz-compressed data";
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0x28, (byte)0xB5, (byte)0x2F, (byte)0xFD])) return "zstd-compressed data";
        if (head.StartsWith("7z"u8) && head.Length > 2 && head[2] == 0xBC) return "a 7-Zip archive";
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0x7F, (byte)'E', (byte)'L', (byte)'F'])) return "an executable (ELF)";
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFF, (byte)0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[(byte)0xFE, (byte)0xFF])) return null; // UTF-16 text: CsvHelper transcodes it
        int controls = 0;
        foreach (byte b in head)
        {
            if (b == 0) return "binary data (it holds NUL bytes)";
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) controls++;
        }
        if (controls > head.Length / 20 + 1) return "binary data (it holds control bytes)";
        return null;
    }

    /// <summary>The message for an input that cannot be read as runs: what it looks like and how to export it.</summary>
    public static string Refusal(InputFormat format, string? what = null) => format switch
    {
        InputFormat.Pickle => "this looks like a Python pickle, which cannot be read safely outside Python; write it with DataFrame.to_csv, to_json(orient=\"records\", lines=True) or to_parquet.",
        InputFormat.Notebook => "this looks like a Jupyter notebook, not a table of runs; export the runs from it with DataFrame.to_csv or to_parquet.",
        InputFormat.Zip => "this looks like a zip archive (or an .xlsx workbook); unzip it and pass the folder or a file, or save the sheet as CSV.",
        InputFormat.Image => "this looks like an image or a PDF, not a table of runs; pass the CSV, JSON or Parquet file the figure was made from.",
        InputFormat.OtherBinary => $"this looks like {what ?? "binary data"}, not a table of runs; write the runs as CSV, JSON Lines or Parquet.",
        InputFormat.Empty => "the file is empty; expected a header row and at least one row of runs.",
        _ => $"this {format} input cannot be read here.",
    };

    internal static bool IsUtf8(ReadOnlySpan<byte> head) => Utf8.IsValid(head);
}
