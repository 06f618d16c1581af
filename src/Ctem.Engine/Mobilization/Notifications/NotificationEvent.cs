using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Notifications;

/// <summary>
/// Something worth telling a finding's people, with the stable <see cref="Key"/> it is sent once under per channel:
/// the kind, the finding's id and what makes this occurrence distinct (the opening's event id, the KEV CVE id, the due
/// date, the acceptance's end). A due date that moves is a new event; the same one is never sent twice.
/// </summary>
public sealed record NotificationEvent(NotificationKind Kind, string Key, StoredFinding Finding)
{
    /// <summary>When the fix is due (SLA or KEV date), where the finding has one.</summary>
    public DueDate? Due { get; init; }

    /// <summary>The KEV entry of the finding's vulnerability, where it has one.</summary>
    public KevEntry? Kev { get; init; }

    /// <summary>The acceptance ending (acceptance-expiring only).</summary>
    public RiskAcceptance? Acceptance { get; init; }

    /// <summary>When the finding was opened or reopened (new-finding only).</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    public Priority Priority => Finding.Risk?.Priority ?? Priority.Unspecified;
}

/// <summary>The names of event kinds, as <c>on:</c>, payloads and output spell them.</summary>
public static class NotificationKinds
{
    public static string Name(NotificationKind kind) => kind switch
    {
        NotificationKind.NewFinding => "new-finding",
        NotificationKind.Kev => "kev",
        NotificationKind.SlaBreached => "sla-breached",
        NotificationKind.SlaDueSoon => "sla-due-soon",
        NotificationKind.AcceptanceExpiring => "acceptance-expiring",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an event kind"),
    };

    /// <summary>A short phrase for people: the e-mail subject, Slack's text.</summary>
    public static string Title(NotificationKind kind) => kind switch
    {
        NotificationKind.NewFinding => "New finding",
        NotificationKind.Kev => "Listed in CISA KEV",
        NotificationKind.SlaBreached => "SLA breached",
        NotificationKind.SlaDueSoon => "SLA due soon",
        NotificationKind.AcceptanceExpiring => "Risk acceptance expiring",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an event kind"),
    };
}
