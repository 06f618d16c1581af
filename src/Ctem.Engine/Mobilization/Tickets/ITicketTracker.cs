namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>
/// One issue tracker project (a GitHub repository, a Jira project): the few operations two-way sync needs. Failures
/// after retries are <see cref="TrackerException"/>s naming the tracker, never the token.
/// </summary>
public interface ITicketTracker
{
    /// <summary>github or jira, as stored.</summary>
    string Kind { get; }

    /// <summary>The repository (owner/name) or project key.</summary>
    string Project { get; }

    /// <summary>The state upstream of each ticket; keys the tracker no longer has are absent.</summary>
    Task<IReadOnlyDictionary<string, bool>> GetOpenStatesAsync(IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken);

    Task<CreatedTicket> CreateAsync(TicketContent content, CancellationToken cancellationToken);

    Task UpdateAsync(string externalKey, TicketContent content, CancellationToken cancellationToken);

    Task CommentAsync(string externalKey, string text, CancellationToken cancellationToken);

    /// <summary>Closes (as completed) or reopens the ticket.</summary>
    Task SetOpenAsync(string externalKey, bool open, CancellationToken cancellationToken);
}

/// <param name="ExternalKey">The issue number (GitHub) or key (Jira).</param>
/// <param name="Url">Where a person opens it.</param>
public sealed record CreatedTicket(string ExternalKey, string Url);

/// <summary>A tracker refused or failed a request after retries; the message names the tracker and the request, never a token.</summary>
public sealed class TrackerException(string message) : Exception(message);
