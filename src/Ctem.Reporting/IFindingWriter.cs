namespace Ctem.Reporting;

/// <summary>
/// Writes a list of findings in one format. The CLI and the API both write through these, so the same findings give
/// the same bytes from either.
/// </summary>
public interface IFindingWriter
{
    /// <summary>The name <c>--format</c> and the API's <c>?format=</c> take: <c>json</c>, <c>sarif</c>, <c>csv</c>, <c>markdown</c>.</summary>
    string Format { get; }

    /// <summary>The media type of what it writes, for HTTP's Content-Type.</summary>
    string MediaType { get; }

    /// <summary>Writes the findings as given (most urgent first); returns what it had to leave out, as notes for stderr or a header.</summary>
    IReadOnlyList<string> Write(TextWriter output, IReadOnlyList<FindingView> findings);
}
