using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Core.Extensibility;

/// <summary>Result of reading one advisory document: the advisory, or why it was rejected.</summary>
public sealed record AdvisoryResult(Advisory? Advisory, Diagnostic? Rejection)
{
    public static AdvisoryResult Ok(Advisory advisory) => new(advisory, null);

    public static AdvisoryResult Rejected(Diagnostic rejection) => new(null, rejection);
}

/// <summary>Reads one advisory document (an OSV record, …). Never throws for bad input.</summary>
public interface IAdvisoryParser : IPlugin
{
    bool CanParse(string path, ReadOnlySpan<byte> head);

    AdvisoryResult Parse(string path, ReadOnlySpan<byte> content);
}
