using System.Text;

namespace ScalingFit.Reporting;

/// <summary>Renders a <see cref="Document"/> as plain text with aligned columns.</summary>
public static class TextRenderer
{
    /// <summary>The document as plain text.</summary>
    public static string Render(Document document)
    {
        var text = new StringBuilder();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Contents c:
                    text.AppendLine("Contents");
                    foreach (var (level, title, _) in Anchors.Entries(document, c)) text.Append(new string(' ', 2 + 2 * level)).AppendLine(title);
                    break;
                case Heading h:
                    text.AppendLine(h.Text).AppendLine(new string(h.Level == 1 ? '=' : '-', h.Text.Length));
                    break;
                case Paragraph p:
                    text.AppendLine(p.Text);
                    break;
                case KeyValues kv:
                    int width = kv.Items.Max(i => i.Key.Length);
                    foreach (var (key, value) in kv.Items) text.Append(key.PadRight(width)).Append("  ").AppendLine(value);
                    break;
                case Warnings w:
                    foreach (var item in w.Items) text.Append("warning: ").AppendLine(item);
                    break;
                case Table t:
                    AppendTable(text, t);
                    break;
                case Image image:
                    text.Append("figure: ").Append(image.Caption).Append(" (").Append(image.FileName).AppendLine(")");
                    break;
            }
            text.AppendLine();
        }
        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>Appends a table with a header rule and padded, aligned cells.</summary>
    public static void AppendTable(StringBuilder text, Table table)
    {
        if (table.Title is not null) text.AppendLine(table.Title);
        var widths = table.Columns.Select((c, j) => table.Rows.Select(r => r[j].Length).Append(c.Header.Length).Max()).ToArray();
        void Row(IReadOnlyList<string> cells)
        {
            for (int j = 0; j < cells.Count; j++)
            {
                if (j > 0) text.Append("  ");
                text.Append(table.Columns[j].AlignRight ? cells[j].PadLeft(widths[j]) : cells[j].PadRight(widths[j]));
            }
            text.Append('\n');
        }
        Row(table.Columns.Select(c => c.Header).ToList());
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in table.Rows) Row(row);
    }
}
