using Ctem.Core.Scoping;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>
/// The trackers of the targets tickets go to, built from the scope file's settings and tokens read from the environment
/// variables it names. A missing variable is an error naming the variable, never a value.
/// </summary>
public static class TicketTrackers
{
    public static (IReadOnlyDictionary<TicketTarget, ITicketTracker> Trackers, IReadOnlyList<string> Errors) Create(
        TicketSettings settings, IEnumerable<TicketTarget> targets, Func<string, string?> environment, HttpClient http, TrackerOptions options, TimeProvider time)
    {
        var trackers = new Dictionary<TicketTarget, ITicketTracker>();
        var errors = new List<string>();
        foreach (var target in targets.Distinct())
        {
            switch (target.Tracker)
            {
                case TicketTrackerKind.GitHub when settings.GitHub is { } github:
                    if (Read(environment, github.TokenEnv, "tickets.github.tokenEnv", errors) is { } token)
                    {
                        trackers[target] = new GitHubIssuesTracker(http, github, target.Project, token, options, time);
                    }

                    break;
                case TicketTrackerKind.Jira when settings.Jira is { } jira:
                    var email = Read(environment, jira.EmailEnv, "tickets.jira.emailEnv", errors);
                    var apiToken = Read(environment, jira.TokenEnv, "tickets.jira.tokenEnv", errors);
                    if (email is not null && apiToken is not null)
                    {
                        trackers[target] = new JiraCloudTracker(http, jira, target.Project, email, apiToken, options, time);
                    }

                    break;
                default:
                    errors.Add($"tickets: a route sends findings to {target.TrackerName}, but the scope file configures no tickets.{target.TrackerName}");
                    break;
            }
        }

        return (trackers, errors);
    }

    private static string? Read(Func<string, string?> environment, string variable, string key, List<string> errors)
    {
        if (environment(variable) is { Length: > 0 } value)
        {
            return value;
        }

        errors.Add($"tickets: the environment variable {variable} ({key}) is not set");
        return null;
    }
}
