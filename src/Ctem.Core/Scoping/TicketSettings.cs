namespace Ctem.Core.Scoping;

/// <summary>
/// Where <c>ctem tickets sync</c> files tickets (<c>tickets:</c> in the scope file): the trackers, how findings are
/// grouped, and which products or teams go where. Tokens are never here: only the names of the environment variables
/// that hold them.
/// </summary>
public sealed record TicketSettings(
    TicketGrouping GroupBy,
    GitHubTicketTarget? GitHub,
    JiraTicketTarget? Jira,
    IReadOnlyList<TicketRoute> Routes)
{
    /// <summary>The tracker findings no route names go to: the one configured, GitHub when both are.</summary>
    public TicketTrackerKind? DefaultTracker => GitHub is not null ? TicketTrackerKind.GitHub : Jira is not null ? TicketTrackerKind.Jira : null;
}

public enum TicketGrouping
{
    /// <summary>One ticket per remediation action of <c>ctem plan</c>: the upgrade and every finding it fixes.</summary>
    Action = 0,

    /// <summary>One ticket per open finding.</summary>
    Finding,
}

public enum TicketTrackerKind
{
    GitHub,
    Jira,
}

/// <param name="Repository">owner/name.</param>
/// <param name="TokenEnv">The environment variable holding the token (default GITHUB_TOKEN).</param>
/// <param name="ApiUrl">The REST API root (default https://api.github.com; GitHub Enterprise Server: https://HOST/api/v3).</param>
/// <param name="Labels">Labels every ticket gets; the first also finds Ctem's tickets when listing (default [ctem]).</param>
public sealed record GitHubTicketTarget(string Repository, string TokenEnv, Uri ApiUrl, IReadOnlyList<string> Labels);

/// <param name="Site">The Jira Cloud site, https://NAME.atlassian.net.</param>
/// <param name="Project">The project key tickets are created in.</param>
/// <param name="EmailEnv">The environment variable holding the account's e-mail address (Basic auth user).</param>
/// <param name="TokenEnv">The environment variable holding the API token.</param>
/// <param name="IssueType">The issue type name tickets are created with (default Bug).</param>
/// <param name="Labels">Labels every ticket gets (default [ctem]).</param>
public sealed record JiraTicketTarget(Uri Site, string Project, string EmailEnv, string TokenEnv, string IssueType, IReadOnlyList<string> Labels);

/// <summary>
/// Findings of a product, or owned by a team, go to this tracker (and repository or project, else the tracker's own);
/// the first route that matches wins.
/// </summary>
public sealed record TicketRoute(string? Product, string? Owner, TicketTrackerKind Tracker, string? Repository, string? Project);
