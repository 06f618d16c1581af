namespace Ctem.Plugins.Parsers.Dpkg;

/// <summary>
/// Splits deb822 text (dpkg's status database, control files) into stanzas: <c>Field: value</c> lines, continuation
/// lines starting with a space or tab, stanzas separated by blank lines.
/// </summary>
internal static class DpkgStanzaReader
{
    /// <returns>The stanzas, and the one-based numbers of lines that are neither a field nor a continuation.</returns>
    public static (List<DpkgStanza> Stanzas, List<int> BadLines) Read(string text)
    {
        var stanzas = new List<DpkgStanza>();
        var badLines = new List<int>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var fieldLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        var start = 0;
        var number = 0;

        void Flush()
        {
            if (fields.Count > 0)
            {
                stanzas.Add(new DpkgStanza(start, fields, fieldLines));
                fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                fieldLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            }

            current = null;
        }

        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                Flush();
            }
            else if (line[0] is ' ' or '\t')
            {
                if (current is null)
                {
                    badLines.Add(number);
                }
                else
                {
                    fields[current] = $"{fields[current]}\n{line.Trim()}";
                }
            }
            else if (line[0] == '#')
            {
                // deb822 allows comment lines; dpkg never writes them, but hand-kept files may carry them.
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                current = line[..colon].Trim();
                if (fields.Count == 0)
                {
                    start = number;
                }

                fields[current] = line[(colon + 1)..].Trim();
                fieldLines[current] = number;
            }
            else
            {
                badLines.Add(number);
                current = null;
            }
        }

        Flush();
        return (stanzas, badLines);
    }
}
