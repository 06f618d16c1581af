using System.Globalization;
using Ctem.Core.Diagnostics;

namespace Ctem.Plugins.Reports;

/// <summary>
/// Bounds on what one report may expand to. Formats that multiply (vulnerabilities × related dependencies, × affected
/// components) could turn a small hostile file into millions of findings; past the bound the report is refused.
/// </summary>
internal static class ReportLimits
{
    /// <summary>Ten times the largest real report seen (about 100,000 findings), far above any real scan.</summary>
    public const int MaxFindings = 1_000_000;

    public static Diagnostic TooManyFindings(string path) =>
        Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, string.Create(CultureInfo.InvariantCulture, $"refused: the report expands to more than {MaxFindings:N0} findings"));
}
