using System.Text;

namespace Ctem.Plugins.Parsers.Spdx;

/// <summary>
/// Splits an SPDX tag-value document into tags. A value may be a <c>&lt;text&gt;</c> block running over several
/// lines; those lines are part of the value and never read as tags, whatever they look like.
/// </summary>
internal static class SpdxTagValueReader
{
    private const string TextOpen = "<text>";
    private const string TextClose = "</text>";

    /// <returns>The tags, and the line of a <c>&lt;text&gt;</c> block that is never closed (null when all are).</returns>
    public static async Task<(List<SpdxTag> Tags, int? UnclosedTextLine)> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var tags = new List<SpdxTag>();
        var lineNumber = 0;
        StringBuilder? text = null;
        var textTag = default(SpdxTag);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (text is not null)
            {
                var close = line.IndexOf(TextClose, StringComparison.Ordinal);
                text.Append('\n').Append(close < 0 ? line : line[..close]);
                if (close >= 0)
                {
                    tags.Add(textTag with { Value = text.ToString().Trim() });
                    text = null;
                }

                continue;
            }

            if (ParseLine(lineNumber, line) is not { } tag)
            {
                continue;
            }

            if (!tag.Value.StartsWith(TextOpen, StringComparison.Ordinal))
            {
                tags.Add(tag);
                continue;
            }

            var body = tag.Value[TextOpen.Length..];
            var end = body.IndexOf(TextClose, StringComparison.Ordinal);
            if (end >= 0)
            {
                tags.Add(tag with { Value = body[..end].Trim() });
            }
            else
            {
                text = new StringBuilder(body);
                textTag = tag;
            }
        }

        return (tags, text is null ? null : textTag.Line);
    }

    // Blank lines, comments and lines that are not "Tag: value" carry nothing an inventory needs.
    private static SpdxTag? ParseLine(int lineNumber, string line)
    {
        var trimmed = line.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] == '#')
        {
            return null;
        }

        var colon = trimmed.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var name = trimmed[..colon].TrimEnd();
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }
        }

        return new SpdxTag(lineNumber, name.ToString(), trimmed[(colon + 1)..].Trim().ToString());
    }
}
