using System.Text;
using System.Text.RegularExpressions;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>
/// Recognises a SARIF log from its head: a <c>$schema</c> naming SARIF, or <c>"version": "2.1.0"</c> with
/// <c>runs</c>, or <c>runs</c> with a <c>tool.driver</c> (tools that omit both, or write the version last), or a
/// <c>.sarif</c> file with <c>runs</c>.
/// </summary>
internal static partial class SarifDetection
{
    public static bool Looks(string path, ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!text.StartsWith('{'))
        {
            return false;
        }

        if (SchemaNamesSarif().IsMatch(text))
        {
            return true;
        }

        var hasRuns = Runs().IsMatch(text);
        return hasRuns && (Version210().IsMatch(text) || Driver().IsMatch(text) || path.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("\"\\$schema\"\\s*:\\s*\"[^\"]*sarif[^\"]*\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemaNamesSarif();

    [GeneratedRegex("\"runs\"\\s*:\\s*\\[", RegexOptions.CultureInvariant)]
    private static partial Regex Runs();

    [GeneratedRegex("\"version\"\\s*:\\s*\"2\\.1\\.0\"", RegexOptions.CultureInvariant)]
    private static partial Regex Version210();

    [GeneratedRegex("\"tool\"\\s*:\\s*\\{\\s*\"driver\"\\s*:\\s*\\{", RegexOptions.CultureInvariant)]
    private static partial Regex Driver();
}
