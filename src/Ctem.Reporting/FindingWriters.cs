namespace Ctem.Reporting;

/// <summary>The one list of finding writers, in the order help and the API document name them.</summary>
public static class FindingWriters
{
    public static readonly IReadOnlyList<IFindingWriter> All =
    [
        new Writer("json", "application/json", (output, findings) => FindingsJson.Write(output, findings)),
        new Writer("sarif", "application/sarif+json", (output, findings) =>
            SarifOutput.Write(output, findings) is > 0 and var omitted ? [SarifOutput.OmittedNote(omitted)] : []),
        new Writer("csv", "text/csv", (output, findings) => CsvOutput.Write(output, findings)),
        new Writer("markdown", "text/markdown", (output, findings) => MarkdownOutput.Write(output, findings)),
    ];

    /// <summary>The writer of a format, or null when no writer has that name.</summary>
    public static IFindingWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.Ordinal));

    private sealed class Writer(string format, string mediaType, Func<TextWriter, IReadOnlyList<FindingView>, IReadOnlyList<string>> write) : IFindingWriter
    {
        public Writer(string format, string mediaType, Action<TextWriter, IReadOnlyList<FindingView>> write)
            : this(format, mediaType, (output, findings) =>
            {
                write(output, findings);
                return [];
            })
        {
        }

        public string Format => format;

        public string MediaType => mediaType;

        public IReadOnlyList<string> Write(TextWriter output, IReadOnlyList<FindingView> findings)
        {
            ArgumentNullException.ThrowIfNull(output);
            ArgumentNullException.ThrowIfNull(findings);
            return write(output, findings);
        }
    }
}
