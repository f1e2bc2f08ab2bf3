using System.Text;

namespace ScalingFit.Tests.Support;

/// <summary>
/// Splits a command line as a POSIX shell does for the README's examples: words separated by blanks,
/// '...' and "..." quoting (backslash escapes inside double quotes and outside quotes), and a
/// comment from an unquoted # that starts a word to the end of the line. The words end at the first
/// unquoted pipe or redirection (| &gt; &lt;) or list operator (; &amp;): the words of the first command.
/// </summary>
public static class ShellWords
{
    public static string[] Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c is ' ' or '\t')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else if (c == '#' && !inWord) break;
            else if (c is '|' or '>' or '<' or ';' or '&') break;
            else if (c == '\'')
            {
                int end = line.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException($"unclosed ' in: {line}");
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                for (i++; i < line.Length && line[i] != '"'; i++)
                {
                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') i++;
                    word.Append(line[i]);
                }
                if (i >= line.Length) throw new FormatException($"unclosed \" in: {line}");
                inWord = true;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
                inWord = true;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return [.. words];
    }
}
