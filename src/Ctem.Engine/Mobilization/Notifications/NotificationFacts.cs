using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// Everything event detection looks at, read at one moment: the open findings, their opening history, the KEV entries
/// of their vulnerabilities, and the risk acceptances in force with their findings.
/// </summary>
public sealed record NotificationFacts(
    IReadOnlyList<StoredFinding> OpenFindings,
    IReadOnlyList<FindingEvent> Events,
    IReadOnlyDictionary<string, KevEntry> Kev,
    IReadOnlyList<RiskAcceptance> Acceptances,
    IReadOnlyDictionary<long, StoredFinding> AcceptedFindings,
    DateTimeOffset Now,
    int DueSoonDays);
