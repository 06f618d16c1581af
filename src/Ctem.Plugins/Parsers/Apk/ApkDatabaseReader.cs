namespace Ctem.Plugins.Parsers.Apk;

/// <summary>
/// Splits apk's <c>lib/apk/db/installed</c> into package blocks: <c>X:value</c> lines with a one-letter key, blocks
/// separated by blank lines. The file lists (<c>F:</c>, <c>R:</c>, <c>Z:</c>, …) repeat within a block; only the
/// package's own fields are kept.
/// </summary>
internal static class ApkDatabaseReader
{
    /// <returns>The blocks, and the one-based numbers of lines that are not <c>X:value</c>.</returns>
    public static (List<ApkPackage> Packages, List<int> BadLines) Read(string text)
    {
        var packages = new List<ApkPackage>();
        var badLines = new List<int>();
        var fields = new Dictionary<char, string>();
        int? start = null;
        int? nameLine = null;
        var number = 0;

        void Flush()
        {
            if (fields.Count > 0)
            {
                packages.Add(new ApkPackage(nameLine ?? start ?? number, fields));
                fields = [];
            }

            start = nameLine = null;
        }

        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                Flush();
            }
            else if (line.Length >= 2 && line[1] == ':' && !char.IsWhiteSpace(line[0]))
            {
                start ??= number;
                if (line[0] == 'P' && nameLine is null)
                {
                    nameLine = number;
                }

                fields.TryAdd(line[0], line[2..].Trim());
            }
            else
            {
                badLines.Add(number);
            }
        }

        Flush();
        return (packages, badLines);
    }
}
