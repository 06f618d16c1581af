using Ctem.Core.Scoring.Risk;

namespace Ctem.Core.Scoping;

/// <summary>What a notification is about; the names in <c>on:</c> are the kebab-case forms (<c>new-finding</c>, …).</summary>
public enum NotificationKind
{
    Unspecified = 0,

    /// <summary>A finding opened or reopened, at or above the channel's minimum priority.</summary>
    NewFinding,

    /// <summary>An open finding whose vulnerability is in CISA's KEV catalogue.</summary>
    Kev,

    /// <summary>An open finding past its due date.</summary>
    SlaBreached,

    /// <summary>An open finding due within <see cref="NotificationSettings.DueSoonDays"/>.</summary>
    SlaDueSoon,

    /// <summary>A risk acceptance that ends within <see cref="NotificationSettings.DueSoonDays"/>.</summary>
    AcceptanceExpiring,
}

public enum ChannelType
{
    Unspecified = 0,

    /// <summary>A JSON POST signed with HMAC-SHA256.</summary>
    Webhook,

    /// <summary>A Slack-compatible incoming webhook.</summary>
    Slack,

    /// <summary>E-mail over SMTP.</summary>
    Email,
}

/// <summary>How the SMTP connection is secured: STARTTLS on a plain port (default), TLS from the start, or not at all (a local relay).</summary>
public enum SmtpSecurity
{
    Unspecified = 0,
    StartTls,
    Tls,
    None,
}

/// <summary>
/// The <c>notifications:</c> section of the scope file: where to send what, and how early "due soon" is. Secrets are
/// never held here, only the names of the environment variables that hold them.
/// </summary>
public sealed record NotificationSettings(IReadOnlyList<NotificationChannelSettings> Channels)
{
    public const int DefaultDueSoonDays = 7;

    /// <summary>How many days before a due date (or an acceptance's end) a finding counts as due soon (expiring).</summary>
    public int DueSoonDays { get; init; } = DefaultDueSoonDays;

    /// <summary>No channels: nothing is sent.</summary>
    public static NotificationSettings None { get; } = new(Array.Empty<NotificationChannelSettings>());

    public bool Configured => Channels.Count > 0;
}

/// <summary>
/// One channel: its unique name (what "already sent" is remembered under), its type and target, and which events it
/// takes. Empty <see cref="Products"/> or <see cref="Owners"/> mean any.
/// </summary>
public sealed record NotificationChannelSettings(string Name, ChannelType Type, IReadOnlyList<NotificationKind> On, Priority MinPriority)
{
    /// <summary>The kinds a channel takes when <c>on:</c> is left out: all of them.</summary>
    public static IReadOnlyList<NotificationKind> AllKinds { get; } =
        [NotificationKind.NewFinding, NotificationKind.Kev, NotificationKind.SlaBreached, NotificationKind.SlaDueSoon, NotificationKind.AcceptanceExpiring];

    /// <summary>The minimum priority when <c>minPriority:</c> is left out.</summary>
    public const Priority DefaultMinPriority = Priority.High;

    public IReadOnlyList<string> Products { get; init; } = [];

    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>The webhook's URL as written (webhook, slack); null when it comes from <see cref="UrlEnv"/>.</summary>
    public string? Url { get; init; }

    /// <summary>The environment variable holding the URL, for URLs that embed a token (Slack's do).</summary>
    public string? UrlEnv { get; init; }

    /// <summary>The environment variable holding the webhook's HMAC secret.</summary>
    public string? SecretEnv { get; init; }

    /// <summary>The SMTP server and message addresses (email).</summary>
    public SmtpSettings? Smtp { get; init; }
}

/// <summary>Where and how an e-mail channel sends; the password comes from <see cref="PasswordEnv"/>.</summary>
public sealed record SmtpSettings(string Host, int Port, SmtpSecurity Security, string From, IReadOnlyList<string> To)
{
    public string? Username { get; init; }

    public string? PasswordEnv { get; init; }
}
