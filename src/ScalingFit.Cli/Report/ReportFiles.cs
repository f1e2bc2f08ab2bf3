using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ScalingFit.Analysis;
using ScalingFit.Cli.Plot;
using ScalingFit.Reporting;

namespace ScalingFit.Cli.Report;

/// <summary>The files of a report: the folder, report.html, report.md and the figures beside them.</summary>
internal static class ReportFiles
{
    /// <summary>The paths written, HTML first.</summary>
    public sealed record Written(string Html, string Markdown, IReadOnlyList<string> Figures)
    {
        public IEnumerable<string> All => new[] { Html, Markdown }.Concat(Figures);
    }

    /// <summary>Makes the folder (before any work, so that a folder that cannot be made fails fast); returns its full path.</summary>
    /// <exception cref="OptionException">The path names an existing file.</exception>
    /// <exception cref="CliWriteException">The folder cannot be made.</exception>
    public static string Prepare(string folder)
    {
        if (folder.Trim().Length == 0) throw new OptionException("--out names no folder; give one, e.g. --out report.");
        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
            throw new OptionException($"--out '{folder}' is a file; the report is a folder of files (report.html, report.md, figures): name a folder.");
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliWriteException(folder, e);
        }
        return full;
    }

    /// <summary>Writes the figures, report.html (figures embedded) and report.md (figures linked).</summary>
    public static Written Write(string folder, Document document, string title)
    {
        var figures = new List<string>();
        foreach (var image in document.Blocks.OfType<Image>())
        {
            string path = Path.Combine(folder, image.FileName);
            WriteFile(path, image.Content);
            figures.Add(path);
        }
        string html = Path.Combine(folder, "report.html"), markdown = Path.Combine(folder, "report.md");
        WriteFile(html, Encoding.UTF8.GetBytes(HtmlRenderer.Render(document, title)));
        WriteFile(markdown, Encoding.UTF8.GetBytes(MarkdownRenderer.Render(document)));
        return new Written(html, markdown, figures);
    }

    /// <summary>The data read, for the report: the built-in set, standard input, or the file's full path, size and SHA-256.</summary>
    public static string Describe(string? file)
    {
        if (file is null) return "the built-in Chinchilla runs (data/chinchilla.csv: Hoffmann et al. 2022 as extracted by Besiroglu et al. 2024)";
        if (file == "-") return "standard input";
        string full = Path.GetFullPath(file);
        try
        {
            using var stream = File.OpenRead(full);
            string hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            return $"{full} ({NumberFormat.Count(stream.Length)} bytes, SHA-256 {hash})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }

    /// <summary>{"html", "markdown", "figures": [...], "bestLaw", "notes": [...]}.</summary>
    public static string Json(Written written, ReportResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("html", written.Html);
            w.WriteString("markdown", written.Markdown);
            w.WriteStartArray("figures");
            foreach (var figure in written.Figures) w.WriteStringValue(figure);
            w.WriteEndArray();
            if (result.Best is { } best) w.WriteString("bestLaw", LawComparison.Name(best.Spec));
            else w.WriteNull("bestLaw");
            w.WriteStartArray("notes");
            foreach (var note in new[] { result.OptimalNote, result.IsoFlopNote }.OfType<string>()) w.WriteStringValue(note);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFile(string path, byte[] content)
    {
        try
        {
            File.WriteAllBytes(path, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliWriteException(path, e);
        }
    }
}
