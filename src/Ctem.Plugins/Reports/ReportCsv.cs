using System.Globalization;
using System.Text;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using CsvHelper;
using CsvHelper.Configuration;

namespace Ctem.Plugins.Reports;

/// <summary>One data row of a CSV report, by header name; <see cref="Pointer"/> is <c>row N</c> (the header is row 1).</summary>
internal sealed record ReportCsvRow(IReadOnlyDictionary<string, string> Fields, string Pointer)
{
    /// <summary>The trimmed value of the first of <paramref name="columns"/> that is present and not blank; else null.</summary>
    public string? Get(params string[] columns)
    {
        foreach (var column in columns)
        {
            if (Fields.TryGetValue(column, out var value) && value.Trim() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    public bool IsBlank => Fields.Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// The one way CSV report parsers load their input (CsvHelper, RFC 4180 quoting, multi-line fields): comma- or, when
/// the header says so, semicolon-separated. Invalid UTF-8, a stray quote or a row whose field count is not the
/// header's fails the whole report with its row, so nothing of a damaged file is stored.
/// </summary>
internal static class ReportCsv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The header's column names, for <c>CanParse</c> (a header-only file may end without a newline).</summary>
    public static IReadOnlyList<string> Header(ReadOnlySpan<byte> head)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(head.StartsWith("\uFEFF"u8) ? head[3..] : head);
        }
        catch (DecoderFallbackException)
        {
            // A head cut inside a character ends invalid: only a complete first line counts anyway.
            text = Encoding.UTF8.GetString(head.StartsWith("\uFEFF"u8) ? head[3..] : head);
        }

        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var line = (end < 0 ? text : text[..end]).TrimEnd('\r');
        var delimiter = DelimiterOf(line);
        return line.Split(delimiter).Select(c => c.Trim().Trim('"').Trim()).ToList();
    }

    /// <summary>Hands the header and the data rows (blank rows included, for the parser to skip) to <paramref name="read"/>.</summary>
    public static async Task<ReportResult> ReadAsync(InputSource source, Func<IReadOnlyList<string>, IReadOnlyList<ReportCsvRow>, ReportResult> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(read);
        using var buffer = new MemoryStream();
        await source.Content.CopyToAsync(buffer, cancellationToken);
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, "invalid CSV: the file is not valid UTF-8"));
        }

        var firstLine = text.Split('\n', 2)[0];
        string? badData = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = DelimiterOf(firstLine).ToString(),
            BadDataFound = args => badData ??= $"row {args.Context.Parser?.Row}",
            MissingFieldFound = null,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, configuration);
        if (!csv.Read() || csv.Record is not { } header)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, "invalid CSV: the file has no header row"));
        }

        var names = header.Select(h => h.Trim()).ToList();
        var rows = new List<ReportCsvRow>();
        while (csv.Read())
        {
            var record = csv.Record!;
            var pointer = string.Create(CultureInfo.InvariantCulture, $"row {csv.Row}");
            if (badData is not null)
            {
                return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, "invalid CSV: a quote inside an unquoted field", badData));
            }

            if (record.Length != names.Count)
            {
                return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, string.Create(CultureInfo.InvariantCulture, $"invalid CSV: the row has {record.Length} fields, the header {names.Count}"), pointer));
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                // Exports repeat or leave blank some column names; the first column of a name is the one read.
                fields.TryAdd(names[i], record[i]);
            }

            rows.Add(new ReportCsvRow(fields, pointer));
        }

        return badData is not null
            ? ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, source.Path, "invalid CSV: a quote inside an unquoted field", badData))
            : read(names, rows);
    }

    private static char DelimiterOf(string headerLine) => headerLine.Count(c => c == ';') > headerLine.Count(c => c == ',') ? ';' : ',';
}
