using System.Globalization;
using CsvHelper;

namespace Ctem.Reporting;

/// <summary>Findings as RFC 4180 CSV with a header row, for spreadsheets and data pipelines.</summary>
public static class CsvOutput
{
    public static void Write(TextWriter output, IReadOnlyList<FindingView> findings)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in FindingColumns.Names)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        foreach (var finding in findings)
        {
            foreach (var value in FindingColumns.Values(finding))
            {
                csv.WriteField(value);
            }

            csv.NextRecord();
        }
    }
}
