using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Core.Extensibility;

/// <summary>Result of reading one VEX document: the document (null when it was refused) and diagnostics.</summary>
public sealed record VexReadResult(VexDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static VexReadResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);

    public static VexReadResult Ok(VexDocument document, IReadOnlyList<Diagnostic>? diagnostics = null) => new(document, diagnostics ?? []);
}

/// <summary>
/// Reads one VEX document (OpenVEX, CycloneDX VEX, CSAF VEX) into statements. Never throws for bad input: a malformed
/// or unsupported document is a failed result naming the file and the place, and a statement the specification
/// forbids (not_affected without justification or impact statement) is an error diagnostic, not a statement.
/// </summary>
public interface IVexReader : IPlugin
{
    /// <summary>Cheap check on the file name and the first bytes; must not claim other formats' documents.</summary>
    bool CanParse(string path, ReadOnlySpan<byte> head);

    VexReadResult Read(string path, ReadOnlySpan<byte> content);
}

/// <summary>Writes a release's VEX (<c>ctem vex export --format NAME</c>).</summary>
public interface IVexWriter : IPlugin
{
    /// <summary>The <c>--format</c> value that selects this writer: "openvex", "cyclonedx" or "csaf".</summary>
    string Format { get; }

    void Write(VexExport export, Stream output);
}
