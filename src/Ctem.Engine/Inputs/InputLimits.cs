namespace Ctem.Engine.Inputs;

/// <summary>Bounds on what one input may make Ctem read, against size bombs and runaway archives.</summary>
public sealed record InputLimits(long MaxDocumentBytes, long MaxTotalBytes, int MaxArchiveEntries, int MaxCompressionRatio)
{
    /// <summary>64 MiB per document (the largest real OSV record is under 2 MiB), 8 GiB per archive, a million entries.</summary>
    public static InputLimits Default { get; } = new(64L << 20, 8L << 30, 1_000_000, 200);
}
