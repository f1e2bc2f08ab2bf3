using System.Text;

namespace ScalingFit.Reporting;

/// <summary>Renders a <see cref="Document"/> as GitHub-flavoured Markdown.</summary>
public static class MarkdownRenderer
{
    /// <summary>The document as Markdown.</summary>
    public static string Render(Document document)
    {
        var md = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Contents c:
                    md.AppendLine("**Contents**").AppendLine();
                    foreach (var (level, text, anchor) in Anchors.Entries(document, c))
                        md.Append(new string(' ', 2 * level)).Append("- [").Append(Escape(text)).Append("](#").Append(anchor).AppendLine(")");
                    break;
                case Heading h:
                    md.Append(new string('#', Math.Clamp(h.Level, 1, 6))).Append(' ').AppendLine(Escape(h.Text));
                    break;
                case Paragraph p:
                    md.AppendLine(Escape(p.Text));
                    break;
                case KeyValues kv:
                    foreach (var (key, value) in kv.Items) md.Append("- **").Append(Escape(key)).Append("**: ").AppendLine(Escape(value));
                    break;
                case Warnings w:
                    foreach (var item in w.Items) md.Append("> **Warning:** ").AppendLine(Escape(item)).AppendLine(">");
                    break;
                case Image image:
                    md.Append("![").Append(Escape(image.Caption)).Append("](").Append(image.FileName).AppendLine(")");
                    md.AppendLine().Append('*').Append(Escape(image.Caption)).AppendLine("*");
                    break;
                case Table t:
                    if (t.Title is not null) md.Append("**").Append(Escape(t.Title)).AppendLine("**").AppendLine();
                    md.Append("| ").AppendJoin(" | ", t.Columns.Select(c => Escape(c.Header))).AppendLine(" |");
                    md.Append('|').AppendJoin("|", t.Columns.Select(c => c.AlignRight ? " ---: " : " :--- ")).AppendLine("|");
                    foreach (var row in t.Rows) md.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
                    break;
            }
            md.AppendLine();
        }
        return md.ToString().TrimEnd() + "\n";
    }

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_");
}
