using System.Globalization;
using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using CsvHelper;
using CsvHelper.Configuration;

namespace Ctem.Plugins.Parsers.CisaKev;

/// <summary>
/// Reads the CSV form of CISA's KEV catalogue (known_exploited_vulnerabilities.csv). The CSV carries no catalogue
/// version or release date; the newest dateAdded stands in for the release date.
/// </summary>
public sealed class CisaKevCsvParser : IFeedParser
{
    public string Name => "cisa-kev/csv";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        head.TrimStart("\uFEFF"u8).StartsWith("cveID,vendorProject,"u8);

    public FeedResult Parse(string path, ReadOnlySpan<byte> content)
    {
        var diagnostics = new List<Diagnostic>();
        var entries = new List<KevEntry>();
        using var text = new StringReader(Encoding.UTF8.GetString(content));
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false };
        using var csv = new CsvReader(text, configuration);
        try
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var entry = KevFields.ToEntry(name => csv.TryGetField<string>(name, out var value) ? value : null);
                if (entry is null)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NotAFeed, path, "row without a valid cveID and dateAdded; skipped", $"{csv.Parser.RawRow}"));
                    continue;
                }

                entries.Add(entry);
            }
        }
        catch (CsvHelperException ex)
        {
            return FeedResult.Failed(Diagnostic.Error(DiagnosticCodes.NotAFeed, path, $"malformed CSV: {ex.Message.Split('\n')[0]}", $"{csv.Parser.RawRow}"));
        }

        DateTimeOffset? newest = entries.Count == 0 ? null : new DateTimeOffset(entries.Max(e => e.DateAdded).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new FeedResult(new KevCatalog(null, newest, entries), diagnostics);
    }
}
