namespace Ctem.Core.Scoring.Risk;

/// <summary>Which exploitation feeds the knowledge base holds, so an explanation can say "not in KEV 2026.11.20" rather than guess.</summary>
public sealed record FeedSnapshot(string? KevCatalogVersion, DateTimeOffset? KevPublishedAt, DateTimeOffset? EpssScoreDate, bool HasKev, bool HasEpss)
{
    public static FeedSnapshot None { get; } = new(null, null, null, false, false);
}
