using System.Globalization;
using System.Net;
using System.Text;

namespace ScalingFit.Reporting;

/// <summary>
/// Renders a <see cref="Document"/> as one self-contained HTML page: styles inline, figures embedded
/// (SVG inline, PNG as data URIs), no scripts and no external resources, so the file can be mailed,
/// attached or opened offline.
/// </summary>
public static partial class HtmlRenderer
{
    /// <summary>The document as an HTML page with the given title.</summary>
    public static string Render(Document document, string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");
        int figures = 0;
        var anchors = Anchors.Of(document);
        for (int i = 0; i < document.Blocks.Count; i++)
        {
            switch (document.Blocks[i])
            {
                case Heading h:
                    int level = Math.Clamp(h.Level, 1, 6);
                    html.Append(CultureInfo.InvariantCulture, $"<h{level} id=\"").Append(Encode(anchors[i])).Append("\">").Append(Encode(h.Text)).Append(CultureInfo.InvariantCulture, $"</h{level}>\n");
                    break;
                case Contents c:
                    AppendContents(html, Anchors.Entries(document, c));
                    break;
                default:
                    Append(html, document.Blocks[i], ref figures);
                    break;
            }
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Append(StringBuilder html, Block block, ref int figures)
    {
        switch (block)
        {
            case Paragraph p:
                html.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                break;
            case KeyValues kv:
                html.Append("<dl>\n");
                foreach (var (key, value) in kv.Items)
                    html.Append("<dt>").Append(Encode(key)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
                html.Append("</dl>\n");
                break;
            case Warnings w:
                html.Append("<ul class=\"warnings\">\n");
                foreach (var item in w.Items) html.Append("<li><strong>Warning:</strong> ").Append(Encode(item)).Append("</li>\n");
                html.Append("</ul>\n");
                break;
            case Table t:
                AppendTable(html, t);
                break;
            case Image image:
                AppendImage(html, image, ++figures);
                break;
        }
    }

    /// <summary>A nested list of links to the headings, in a nav element.</summary>
    private static void AppendContents(StringBuilder html, IReadOnlyList<(int Level, string Text, string Anchor)> entries)
    {
        html.Append("<nav class=\"contents\">\n<strong>Contents</strong>\n<ul>\n");
        int depth = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            var (level, text, anchor) = entries[i];
            for (; depth < level; depth++) html.Append("<ul>\n");
            for (; depth > level; depth--) html.Append("</ul></li>\n");
            html.Append("<li><a href=\"#").Append(Encode(anchor)).Append("\">").Append(Encode(text)).Append("</a>");
            bool opensChildren = i + 1 < entries.Count && entries[i + 1].Level > level;
            if (!opensChildren) html.Append("</li>\n");
            else html.Append('\n');
        }
        for (; depth > 0; depth--) html.Append("</ul></li>\n");
        html.Append("</ul>\n</nav>\n");
    }

    private static void AppendTable(StringBuilder html, Table t)
    {
        html.Append("<table>\n");
        if (t.Title is not null) html.Append("<caption>").Append(Encode(t.Title)).Append("</caption>\n");
        html.Append("<thead><tr>");
        foreach (var c in t.Columns) html.Append(c.AlignRight ? "<th class=\"num\">" : "<th>").Append(Encode(c.Header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            html.Append("<tr>");
            for (int j = 0; j < row.Count; j++)
                html.Append(t.Columns[j].AlignRight ? "<td class=\"num\">" : "<td>").Append(Encode(row[j])).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendImage(StringBuilder html, Image image, int number)
    {
        html.Append("<figure>\n");
        if (image.MediaType == "image/svg+xml")
        {
            string svg = Encoding.UTF8.GetString(image.Content);
            int start = svg.IndexOf("<svg", StringComparison.Ordinal);
            html.Append(ScopeIds(WithViewBox(start >= 0 ? svg[start..] : svg), $"f{number}-")).Append('\n');
        }
        else
        {
            html.Append("<img alt=\"").Append(Encode(image.Caption)).Append("\" src=\"data:").Append(image.MediaType)
                .Append(";base64,").Append(Convert.ToBase64String(image.Content)).Append("\">\n");
        }
        html.Append("<figcaption>").Append(Encode(image.Caption)).Append("</figcaption>\n</figure>\n");
    }

    /// <summary>
    /// Gives an SVG whose root has a pixel width and height but no viewBox a viewBox of that size, so
    /// the page's max-width scales it down to the column rather than cutting its right side off.
    /// </summary>
    internal static string WithViewBox(string svg)
    {
        int end = svg.IndexOf('>');
        if (!svg.StartsWith("<svg", StringComparison.Ordinal) || end < 0) return svg;
        if (svg[end - 1] == '/') end--;
        string root = svg[..end];
        if (root.Contains("viewBox", StringComparison.Ordinal)) return svg;
        var width = SizeAttribute("width").Match(root);
        var height = SizeAttribute("height").Match(root);
        return width.Success && height.Success
            ? svg.Insert(end, $" viewBox=\"0 0 {width.Groups[1].Value} {height.Groups[1].Value}\"")
            : svg;
    }

    private static System.Text.RegularExpressions.Regex SizeAttribute(string name) =>
        new($"\\s{name}=\"([0-9]+(?:\\.[0-9]+)?)(?:px)?\"", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Prefixes the ids an inline SVG defines and the references to them (url(#…), href="#…"): ids are
    /// global to an HTML page, and two figures that each name a clip path "clip1" would otherwise
    /// clip each other's drawing with the first one's rectangle.
    /// </summary>
    internal static string ScopeIds(string svg, string prefix)
    {
        svg = IdAttribute().Replace(svg, m => $"{m.Groups[1].Value}=\"{prefix}{m.Groups[2].Value}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{prefix}{m.Groups[1].Value})");
        return HrefReference().Replace(svg, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\b(id)=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex IdAttribute();

    [System.Text.RegularExpressions.GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial System.Text.RegularExpressions.Regex UrlReference();

    [System.Text.RegularExpressions.GeneratedRegex("\\b((?:xlink:)?href)=\"#([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex HrefReference();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style =
        "body{font-family:'DejaVu Sans',Verdana,system-ui,sans-serif;color:#1b1b1b;background:#fff;margin:0}" +
        "main{max-width:1100px;margin:0 auto;padding:24px 32px 64px}" +
        "h1{font-size:1.7em;border-bottom:2px solid #0072b2;padding-bottom:.2em}h2{font-size:1.35em;margin-top:1.8em;color:#0b3c5d}" +
        "h3{font-size:1.1em;margin-top:1.4em}p{line-height:1.5}" +
        "table{border-collapse:collapse;margin:1em 0;font-size:.92em}caption{text-align:left;font-weight:bold;padding:.3em 0}" +
        "th,td{border-bottom:1px solid #d9d9d9;padding:.35em .8em;text-align:left;vertical-align:top}" +
        "th{background:#f2f6fa;border-bottom:2px solid #9fb6c9}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;font-size:.92em}dt{font-weight:bold;color:#333}dd{margin:0}" +
        "ul.warnings{background:#fff7e6;border-left:4px solid #e69f00;padding:.6em 1em .6em 2em;font-size:.92em}" +
        "ul.warnings li{margin:.3em 0}figure{margin:1.5em 0}figure svg,figure img{max-width:100%;height:auto;border:1px solid #e5e5e5}" +
        "figcaption{font-size:.88em;color:#555;margin-top:.3em}" +
        "nav.contents{background:#f7f9fb;border:1px solid #d9e2ea;padding:.6em 1.2em;margin:1.2em 0;font-size:.92em}" +
        "nav.contents ul{margin:.2em 0;padding-left:1.4em}nav.contents a{color:#0b3c5d;text-decoration:none}nav.contents a:hover{text-decoration:underline}";
}
