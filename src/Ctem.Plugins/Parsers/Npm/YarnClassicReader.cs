using System.Text;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>
/// Reads yarn's own lockfile v1 syntax: indented <c>key value</c> lines, <c>key:</c> opening a nested block, and
/// at the top level entry headers listing the patterns one resolution satisfies (<c>"a@^1.0.0", a@~1.0.1:</c>).
/// Values are strings as yarn writes them (JSON-quoted where needed).
/// </summary>
internal static class YarnClassicReader
{
    /// <summary>One block: string values and nested blocks by key.</summary>
    public sealed class Block
    {
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Block> Blocks { get; } = new(StringComparer.Ordinal);
    }

    public sealed record Entry(IReadOnlyList<string> Patterns, int Line, Block Body);

    /// <summary>The entries, or an error with its one-based line.</summary>
    public static (List<Entry>? Entries, string? Error, int Line) Read(string text)
    {
        var entries = new List<Entry>();
        var stack = new List<(int Indent, Block Block)>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index].TrimEnd('\r');
            var content = line.TrimStart(' ');
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            if (content.StartsWith('\t'))
            {
                return (null, "indentation must be spaces", number);
            }

            var indent = line.Length - content.Length;
            if (indent == 0)
            {
                if (!content.EndsWith(':'))
                {
                    return (null, $"expected an entry header ending in ':', found '{Shorten(content)}'", number);
                }

                var patterns = SplitPatterns(content[..^1]);
                if (patterns is null || patterns.Count == 0)
                {
                    return (null, $"cannot read the entry header '{Shorten(content)}'", number);
                }

                var body = new Block();
                entries.Add(new Entry(patterns, number, body));
                stack.Clear();
                stack.Add((0, body));
                continue;
            }

            if (stack.Count == 0)
            {
                return (null, "an indented line before any entry header", number);
            }

            // A block holds the lines indented deeper than the line that opened it; the entry body is never closed here.
            while (stack.Count > 1 && stack[^1].Indent >= indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            var parent = stack[^1].Block;
            if (content.EndsWith(':'))
            {
                var key = Unquote(content[..^1].Trim());
                if (key is null)
                {
                    return (null, $"cannot read the key '{Shorten(content)}'", number);
                }

                var block = new Block();
                parent.Blocks[key] = block;
                stack.Add((indent, block));
                continue;
            }

            var (rawKey, rawValue) = SplitKeyValue(content);
            var name = Unquote(rawKey);
            var value = rawValue.Length == 0 ? string.Empty : Unquote(rawValue);
            if (name is null || value is null)
            {
                return (null, $"cannot read the line '{Shorten(content)}'", number);
            }

            parent.Values[name] = value;
        }

        return (entries, null, 0);
    }

    /// <summary>Splits a header on commas outside quotes and unquotes each pattern.</summary>
    private static List<string>? SplitPatterns(string header)
    {
        var patterns = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= header.Length; i++)
        {
            if (i < header.Length && header[i] == '"' && (i == 0 || header[i - 1] != '\\'))
            {
                quoted = !quoted;
            }

            if (i == header.Length || (header[i] == ',' && !quoted))
            {
                var pattern = Unquote(header[start..i].Trim());
                if (string.IsNullOrEmpty(pattern))
                {
                    return null;
                }

                patterns.Add(pattern);
                start = i + 1;
            }
        }

        return quoted ? null : patterns;
    }

    private static (string Key, string Value) SplitKeyValue(string content)
    {
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '"' && (i == 0 || content[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (content[i] == ' ' && !quoted)
            {
                return (content[..i], content[(i + 1)..].Trim());
            }
        }

        return (content, string.Empty);
    }

    /// <summary>The text of a bare or JSON-quoted string, or null when a quoted one is malformed.</summary>
    private static string? Unquote(string text)
    {
        if (!text.StartsWith('"'))
        {
            return text.Contains('"', StringComparison.Ordinal) ? null : text;
        }

        if (text.Length < 2 || !text.EndsWith('"'))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= text.Length - 1)
            {
                return null;
            }

            switch (text[i])
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'u' when i + 4 < text.Length - 1 && int.TryParse(text.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(text[i]); break;
            }
        }

        return builder.ToString();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
