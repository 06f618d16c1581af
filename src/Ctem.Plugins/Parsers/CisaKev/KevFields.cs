using System.Globalization;
using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.CisaKev;

/// <summary>The KEV entry fields, named as both the JSON and the CSV catalogue name them.</summary>
internal static partial class KevFields
{
    public static KevEntry? ToEntry(Func<string, string?> field)
    {
        var cve = field("cveID")?.Trim();
        if (cve is null || !CveId().IsMatch(cve) || !TryDate(field("dateAdded"), out var added))
        {
            return null;
        }

        return new KevEntry(
            cve,
            field("vendorProject"),
            field("product"),
            field("vulnerabilityName"),
            added,
            TryDate(field("dueDate"), out var due) ? due : null,
            field("requiredAction"),
            field("knownRansomwareCampaignUse"));
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$")]
    private static partial Regex CveId();
}
