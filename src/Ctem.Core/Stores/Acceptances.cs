namespace Ctem.Core.Stores;

/// <summary>A risk accepted for a finding: why, until when, by whom and when. In force until <see cref="Until"/>.</summary>
public sealed record RiskAcceptance(long Id, long FindingId, string Reason, DateTimeOffset Until, string By, DateTimeOffset At)
{
    /// <summary>The product of the finding, for messages and notifications.</summary>
    public string Product { get; init; } = "";
}

/// <summary>What <c>ctem assign</c> changed: the finding's owner before and after.</summary>
public sealed record Assignment(long FindingId, string Product, string? From, string To, string By, DateTimeOffset At);
