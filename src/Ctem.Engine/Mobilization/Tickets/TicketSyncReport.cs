namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>What one sync did (or, dry, would do) to each ticket, and the trackers that failed.</summary>
public sealed record TicketSyncReport(IReadOnlyList<TicketOutcome> Tickets, IReadOnlyList<string> Errors, bool DryRun);

/// <summary>One ticket after the sync.</summary>
/// <param name="Actions">What was done, in order: created, updated, unchanged, fix-claimed, verified, reopened, closed, accepted-noted (dry: would-create, would-update, would-close).</param>
/// <param name="FixClaimed">Its findings claimed fixed by its closing and not yet verified.</param>
public sealed record TicketOutcome(
    string Tracker,
    string Project,
    string GroupingKey,
    string? ExternalKey,
    string? Url,
    string State,
    IReadOnlyList<string> Actions,
    IReadOnlyList<long> Findings,
    IReadOnlyList<long> FixClaimed);
