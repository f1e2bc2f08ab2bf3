using System.Security.Cryptography;
using System.Text;
using ScalingFit.Analysis;
using ScalingFit.Cli.Plot;
using ScalingFit.Reporting;
using ScalingFit.Reporting.Json;

namespace ScalingFit.Cli.Report;

/// <summary>
/// The files of a report: the folder, report.html, report.md, the figures beside them, and a manifest
/// of those files, so that a later report into the same folder removes the files of the earlier one
/// that it does not write again, and nothing else.
/// </summary>
internal static class ReportFiles
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "report-manifest.txt";

    /// <summary>The paths written, HTML first, the manifest last.</summary>
    public sealed record Written(string Html, string Markdown, IReadOnlyList<string> Figures, string Manifest, IReadOnlyList<string> Removed)
    {
        public IEnumerable<string> All => new[] { Html, Markdown }.Concat(Figures).Append(Manifest);
    }

    /// <summary>
    /// Checks the folder before any work: an existing folder, or one that can be made inside an
    /// existing folder (made only when the report is written, and said so); never a tree of folders.
    /// </summary>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="OptionException">The path is empty or names an existing file.</exception>
    /// <exception cref="CliWriteException">The folder's parent does not exist.</exception>
    public static string Prepare(string folder)
    {
        if (folder.Trim().Length == 0) throw new OptionException("--out names no folder; give one, e.g. --out report.");
        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
            throw new OptionException($"--out '{folder}' is a file; the report is a folder of files (report.html, report.md, figures): name a folder.");
        if (!Directory.Exists(full) && Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar)) is { Length: > 0 } parent && !Directory.Exists(parent))
            throw new CliWriteException(folder, $"the folder '{parent}' does not exist; report makes only the folder it is given: create '{parent}' first");
        return full;
    }

    /// <summary>
    /// Makes the folder if needed (calling <paramref name="created"/>), removes the files the previous
    /// report's manifest lists and this one does not write, then writes the figures, report.html
    /// (figures embedded), report.md (figures linked) and the manifest.
    /// </summary>
    public static Written Write(string folder, Document document, string title, Action<string>? created = null)
    {
        if (!Directory.Exists(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new CliWriteException(folder, e);
            }
            created?.Invoke(folder);
        }
        var images = document.Blocks.OfType<Image>().ToList();
        var names = images.Select(i => i.FileName).Concat(["report.html", "report.md"]).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (string stale in Manifest(folder).Where(name => !names.Contains(name)))
        {
            string path = Path.Combine(folder, stale);
            if (!File.Exists(path)) continue;
            try
            {
                File.Delete(path);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliWriteException(path, e);
            }
        }
        var figures = new List<string>();
        foreach (var image in images)
        {
            string path = Path.Combine(folder, image.FileName);
            WriteFile(path, image.Content);
            figures.Add(path);
        }
        string html = Path.Combine(folder, "report.html"), markdown = Path.Combine(folder, "report.md");
        WriteFile(html, Encoding.UTF8.GetBytes(HtmlRenderer.Render(document, title)));
        WriteFile(markdown, Encoding.UTF8.GetBytes(MarkdownRenderer.Render(document)));
        string manifest = Path.Combine(folder, ManifestName);
        WriteFile(manifest, Encoding.UTF8.GetBytes(
            "# The files the last `scalingfit report` wrote into this folder, one per line. The next report into it\n" +
            "# removes those of them it does not write again, and leaves every other file alone.\n" +
            string.Concat(new[] { "report.html", "report.md" }.Concat(images.Select(i => i.FileName)).Select(n => n + "\n"))));
        return new Written(html, markdown, figures, manifest, removed);
    }

    /// <summary>The plain file names the folder's manifest lists (none without one); anything with a path in it is ignored.</summary>
    private static IEnumerable<string> Manifest(string folder)
    {
        string path = Path.Combine(folder, ManifestName);
        if (!File.Exists(path)) return [];
        try
        {
            return File.ReadAllLines(path)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#') && line != "." && line != ".." &&
                               line.IndexOfAny(['/', '\\', ':']) < 0 && line != ManifestName)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliWriteException(path, e);
        }
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

    /// <summary>The report's JSON: the files written and the whole analysis (<see cref="ReportJson"/>).</summary>
    public static string Json(Written written, ReportResult result, ReportProvenance provenance, IReadOnlyList<string> figureNotes) =>
        JsonOutput.Report(result, new ReportPaths(written.Html, written.Markdown, written.Figures, written.Manifest, written.Removed),
            provenance, figureNotes);

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
