using System.Text;

namespace Ctem.Plugins.Parsers.Go;

/// <summary>
/// Splits go.mod into directives: <c>verb args</c> lines and <c>verb ( … )</c> blocks, with <c>//</c> comments,
/// double-quoted and back-quoted strings, and the <c>// indirect</c> marker.
/// </summary>
internal static class GoModLexer
{
    public static (List<GoModDirective> Directives, List<(int Line, string Message)> Errors) Read(string text)
    {
        var directives = new List<GoModDirective>();
        var errors = new List<(int, string)>();
        string? block = null;
        var blockLine = 0;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var (tokens, comment, error) = Tokenize(lines[i].TrimEnd('\r'));
            if (error is not null)
            {
                errors.Add((number, error));
                continue;
            }

            var indirect = comment is not null && IsIndirect(comment);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (block is not null)
            {
                if (tokens is [")"])
                {
                    block = null;
                }
                else
                {
                    directives.Add(new GoModDirective(block, tokens, indirect, number));
                }

                continue;
            }

            if (tokens.Count == 2 && tokens[1] == "(")
            {
                block = tokens[0];
                blockLine = number;
                continue;
            }

            directives.Add(new GoModDirective(tokens[0], tokens.Skip(1).ToList(), indirect, number));
        }

        if (block is not null)
        {
            errors.Add((blockLine, $"the '{block} (' block is never closed with ')'"));
        }

        return (directives, errors);
    }

    /// <summary>"// indirect" or "// indirect; other notes", as the go command writes and reads it.</summary>
    private static bool IsIndirect(string comment)
    {
        var text = comment.Trim();
        return text == "indirect" || text.StartsWith("indirect;", StringComparison.Ordinal);
    }

    private static (List<string> Tokens, string? Comment, string? Error) Tokenize(string line)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                return (tokens, line[(i + 2)..], null);
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length)
                    {
                        i++;
                    }

                    builder.Append(line[i++]);
                }

                if (i >= line.Length)
                {
                    return (tokens, null, "a quoted string is not closed");
                }

                i++;
                tokens.Add(builder.ToString());
            }
            else if (c == '`')
            {
                var end = line.IndexOf('`', i + 1);
                if (end < 0)
                {
                    return (tokens, null, "a back-quoted string is not closed");
                }

                tokens.Add(line[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] is not ('(' or ')' or '"' or '`')
                    && !(line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/'))
                {
                    i++;
                }

                tokens.Add(line[start..i]);
            }
        }

        return (tokens, null, null);
    }
}
