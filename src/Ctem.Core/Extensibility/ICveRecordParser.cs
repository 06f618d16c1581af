using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Core.Extensibility;

/// <summary>Result of reading one CVE document: its records (an NVD API page holds many), and records skipped with why.</summary>
public sealed record CveRecordResult(IReadOnlyList<CveRecord> Records, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Reads CVE records (CVE JSON 5.x, NVD CVE API 2.0). Never throws for bad input.</summary>
public interface ICveRecordParser : IPlugin
{
    /// <summary>Decides on the whole document's bytes (marker keys of these formats can come late in the document).</summary>
    bool CanParse(string path, ReadOnlySpan<byte> content);

    CveRecordResult Parse(string path, ReadOnlySpan<byte> content);
}
