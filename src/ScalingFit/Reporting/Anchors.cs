using System.Text;

namespace ScalingFit.Reporting;

/// <summary>
/// Link targets for a document's headings, made as GitHub makes them for Markdown (lower case,
/// punctuation dropped, spaces to hyphens, repeats numbered -1, -2, …), so the same names serve
/// the HTML page's ids and the Markdown file's links.
/// </summary>
public static class Anchors
{
    /// <summary>The anchor of every heading, by its index in <see cref="Document.Blocks"/>.</summary>
    public static IReadOnlyDictionary<int, string> Of(Document document)
    {
        var anchors = new Dictionary<int, string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < document.Blocks.Count; i++)
        {
            if (document.Blocks[i] is not Heading heading) continue;
            string slug = Slug(heading.Text);
            if (seen.TryGetValue(slug, out int count))
            {
                seen[slug] = count + 1;
                slug = $"{slug}-{count}";
            }
            else seen[slug] = 1;
            anchors[i] = slug;
        }
        return anchors;
    }

    /// <summary>The entries of a table of contents: (level, text, anchor) of each heading it lists, in order.</summary>
    public static IReadOnlyList<(int Level, string Text, string Anchor)> Entries(Document document, Contents contents)
    {
        var anchors = Of(document);
        return document.Blocks.Select((b, i) => (Block: b, Index: i))
            .Where(x => x.Block is Heading h && h.Level >= contents.FromLevel && h.Level <= contents.ToLevel)
            .Select(x => (((Heading)x.Block).Level - contents.FromLevel, ((Heading)x.Block).Text, anchors[x.Index]))
            .ToList();
    }

    /// <summary>GitHub's heading slug: letters, digits, '-' and '_' kept (lower case), spaces to '-', the rest dropped.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (char c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        }
        return slug.Length > 0 ? slug.ToString() : "section";
    }
}
