namespace ScalingFit.Reporting;

/// <summary>
/// What a report says, independent of how it is shown: headings, paragraphs, key-value lists,
/// tables and warnings. Built once from result objects, then rendered as text, Markdown, HTML or
/// a console table, so every format shows the same content.
/// </summary>
/// <param name="Blocks">The report's content in order.</param>
public sealed record Document(IReadOnlyList<Block> Blocks)
{
    /// <summary>A document holding the blocks of several documents in order.</summary>
    public static Document Concat(params IEnumerable<Document> documents) => new(documents.SelectMany(d => d.Blocks).ToList());
}

/// <summary>One piece of a <see cref="Document"/>.</summary>
public abstract record Block;

/// <summary>A heading; level 1 is the largest.</summary>
public sealed record Heading(string Text, int Level = 1) : Block;

/// <summary>
/// A table of contents: the document's headings from level <paramref name="FromLevel"/> to
/// <paramref name="ToLevel"/>, nested by level, linked to them where the format has links.
/// </summary>
public sealed record Contents(int FromLevel = 2, int ToLevel = 3) : Block;

/// <summary>A paragraph of prose.</summary>
public sealed record Paragraph(string Text) : Block;

/// <summary>Labelled values, one per line (statistics, data description).</summary>
public sealed record KeyValues(IReadOnlyList<KeyValuePair<string, string>> Items) : Block;

/// <summary>Warnings a person should read before trusting a result.</summary>
public sealed record Warnings(IReadOnlyList<string> Items) : Block;

/// <summary>A table of already formatted cells.</summary>
/// <param name="Columns">The column headers and their alignment.</param>
/// <param name="Rows">The cells, one list per row, as many as there are columns.</param>
/// <param name="Title">An optional caption.</param>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Title = null) : Block;

/// <summary>A table column: its header and whether its cells align right (numbers).</summary>
public sealed record TableColumn(string Header, bool AlignRight = true);

/// <summary>
/// A figure: its encoded image and the file name it has beside a Markdown report. HTML embeds the
/// bytes (self-contained); Markdown links the file; text names it.
/// </summary>
/// <param name="Caption">What the figure shows.</param>
/// <param name="FileName">Its file name beside the report (e.g. fit-chinchilla.svg).</param>
/// <param name="MediaType">image/png or image/svg+xml.</param>
/// <param name="Content">The encoded image.</param>
public sealed record Image(string Caption, string FileName, string MediaType, byte[] Content) : Block;
